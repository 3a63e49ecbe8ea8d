package io.beseda.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions as stored: one per stretch of a conversation the bot holds. A session ends when the bot hands
 * over; a conversation that comes back to the bot later (resolved, then the customer wrote again) or
 * after {@link #IDLE} starts a new one, with a fresh greeting.
 */
@Component
class BotSessions {

    static final Duration IDLE = Duration.ofHours(6);
    private static final TypeReference<Map<String, String>> COLLECTED = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TRIED = new TypeReference<>() {
    };

    record Stored(UUID id, Session session) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    BotSessions(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The conversation's current session, locked, or a new one. */
    Stored current(WorkspaceId workspace, UUID conversation) {
        var now = clock.instant();
        var open = jdbc.sql("""
                select * from bot_session where workspace_id = ? and conversation_id = ? and handed_off_at is null and updated_at > ?
                order by started_at desc limit 1 for update""")
                .params(workspace.value(), conversation, Timestamp.from(now.minus(IDLE)))
                .query((row, n) -> new Stored(row.getObject("id", UUID.class), new Session(true,
                        row.getString("awaiting") == null ? null : Session.Awaiting.valueOf(row.getString("awaiting")),
                        row.getString("intent") == null ? null : Intent.of(row.getString("intent")).orElse(null),
                        row.getInt("misunderstandings"), json.readValue(row.getString("collected"), COLLECTED),
                        json.readValue(row.getString("tried"), TRIED))))
                .optional();
        if (open.isPresent()) {
            return open.get();
        }
        var id = UUID.randomUUID();
        jdbc.sql("insert into bot_session (id, workspace_id, conversation_id, started_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(id, workspace.value(), conversation, Timestamp.from(now), Timestamp.from(now)).update();
        return new Stored(id, Session.fresh());
    }

    void save(UUID id, Session session, Outcome.@Nullable Reason handedOff) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update bot_session set updated_at = ?, awaiting = ?, intent = ?, misunderstandings = ?, collected = ?::jsonb,
                    tried = ?::jsonb, handed_off_at = ?, handoff_reason = ? where id = ?""")
                .params(now, session.awaiting() == null ? null : session.awaiting().name(),
                        session.intent() == null ? null : session.intent().id(), session.misunderstandings(),
                        json.writeValueAsString(session.collected()), json.writeValueAsString(session.tried()),
                        handedOff == null ? null : now, handedOff == null ? null : handedOff.name(), id)
                .update();
    }

    /** Records the turn; false when this message was already answered (a redelivered event). */
    boolean turn(WorkspaceId workspace, UUID session, UUID message, Outcome.Turn turn) {
        return jdbc.sql("""
                insert into bot_turn (id, workspace_id, session_id, message_id, intent, confidence, outcome, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(UUID.randomUUID(), workspace.value(), session, message, turn.intent() == null ? null : turn.intent().id(),
                        turn.confidence(), turn.kind().name(), Timestamp.from(clock.instant()))
                .update() == 1;
    }

    boolean answered(UUID message) {
        return jdbc.sql("select exists (select 1 from bot_turn where message_id = ?)").param(message).query(Boolean.class).single();
    }
}
