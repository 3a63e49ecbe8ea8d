package io.beseda.bot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/**
 * How the bot did over a period: containment (sessions that ended without a person), why it handed over,
 * how often it did not understand (fallback rate), and per intent how many messages it answered, asked
 * back about or handed over.
 */
@Service
public class BotMetrics {

    /** Per intent: messages read as it, and how they ended. */
    public record IntentLine(Intent intent, long turns, long answered, long asked, long handedOff) {
    }

    public record Report(Instant from, Instant to, long sessions, long handedOff, @Nullable Double containment, long turns,
                         long notUnderstood, long notText, long knowledgeAnswers, @Nullable Double fallbackRate,
                         Map<String, Long> handOffReasons, List<IntentLine> intents) {
    }

    private final JdbcClient jdbc;

    BotMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(WorkspaceId workspace, Instant from, Instant to) {
        var ws = workspace.value();
        var start = Timestamp.from(from);
        var end = Timestamp.from(to);
        var sessions = jdbc.sql("""
                select count(*), count(handed_off_at) from bot_session where workspace_id = ? and started_at >= ? and started_at < ?""")
                .params(ws, start, end).query((r, n) -> new long[] {r.getLong(1), r.getLong(2)}).single();
        var reasons = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                select handoff_reason, count(*) from bot_session where workspace_id = ? and started_at >= ? and started_at < ?
                  and handed_off_at is not null group by handoff_reason order by count(*) desc, handoff_reason""")
                .params(ws, start, end).query((r, n) -> reasons.put(r.getString(1), r.getLong(2))).list();
        var kinds = new LinkedHashMap<String, Long>();
        jdbc.sql("select outcome, count(*) from bot_turn where workspace_id = ? and created_at >= ? and created_at < ? group by outcome")
                .params(ws, start, end).query((r, n) -> kinds.put(r.getString(1), r.getLong(2))).list();
        var intents = jdbc.sql("""
                select intent, count(*), count(*) filter (where outcome in ('ANSWERED', 'KNOWLEDGE')),
                       count(*) filter (where outcome = 'ASKED'), count(*) filter (where outcome = 'HANDED_OFF')
                from bot_turn where workspace_id = ? and created_at >= ? and created_at < ? and intent is not null
                group by intent order by count(*) desc, intent""")
                .params(ws, start, end)
                .query((r, n) -> Intent.of(r.getString(1)).map(i -> {
                    try {
                        return new IntentLine(i, r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(null))
                .list().stream().filter(java.util.Objects::nonNull).toList();
        long turns = kinds.values().stream().mapToLong(Long::longValue).sum();
        long notUnderstood = kinds.getOrDefault("NOT_UNDERSTOOD", 0L);
        long notText = kinds.getOrDefault("NOT_TEXT", 0L);
        return new Report(from, to, sessions[0], sessions[1], sessions[0] == 0 ? null : (sessions[0] - sessions[1]) / (double) sessions[0],
                turns, notUnderstood, notText, kinds.getOrDefault("KNOWLEDGE", 0L),
                turns == 0 ? null : (notUnderstood + notText) / (double) turns, java.util.Collections.unmodifiableMap(reasons), intents);
    }
}
