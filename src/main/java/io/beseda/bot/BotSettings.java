package io.beseda.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.bot.nlu.IntentModels;
import io.beseda.conversation.ConversationHolder;
import io.beseda.shared.AfterCommit;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a workspace's bot takes new conversations, how sure it must be of an intent to act on it, and the
 * texts the shop rewrote. Off for a new workspace until the shop switches it on (the demo shop has it on).
 * Asked for every message a customer writes, so it answers from memory (a change is seen at once on this
 * node and within {@link #FRESH} on others).
 */
@Service
public class BotSettings implements ConversationHolder {

    /** A workspace's bot settings; {@code texts} holds only what the shop rewrote. */
    public record Settings(boolean enabled, double confidenceThreshold, Map<String, String> texts) {

        public String text(String key) {
            var own = texts.get(key);
            return own != null ? own : BotTexts.DEFAULTS.getOrDefault(key, key);
        }
    }

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private record Remembered(Settings settings, Instant at) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<WorkspaceId, Remembered> recent = new ConcurrentHashMap<>();

    BotSettings(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean holds(WorkspaceId workspace, UUID inboxId) {
        return of(workspace).enabled();
    }

    public Settings of(WorkspaceId workspace) {
        var now = clock.instant();
        var remembered = recent.get(workspace);
        if (remembered != null && remembered.at().plus(FRESH).isAfter(now)) {
            return remembered.settings();
        }
        var settings = jdbc.sql("select enabled, confidence_threshold, texts::text from bot_settings where workspace_id = ?")
                .param(workspace.value())
                .query((row, n) -> new Settings(row.getBoolean(1), row.getDouble(2), Map.copyOf(json.readValue(row.getString(3), TEXTS))))
                .optional().orElse(new Settings(false, IntentModels.DEFAULT_THRESHOLD, Map.of()));
        recent.put(workspace, new Remembered(settings, now));
        return settings;
    }

    /** Saves the settings; texts equal to the shipped ones (or blank) are dropped, so later improvements reach the shop. */
    @Transactional
    public Settings save(WorkspaceId workspace, boolean enabled, double threshold, Map<String, String> texts) {
        if (threshold < 0.05 || threshold > 0.95) {
            throw new RuleViolationException("bot.threshold", "The confidence threshold is between 0.05 and 0.95");
        }
        var own = new LinkedHashMap<String, String>();
        texts.forEach((key, text) -> {
            if (!BotTexts.DEFAULTS.containsKey(key)) {
                throw new RuleViolationException("bot.text.unknown", "No bot text is called '" + key + "'");
            }
            if (text.length() > 4000) {
                throw new RuleViolationException("bot.text.too-long", "A bot text is at most 4000 characters");
            }
            var stripped = text.strip().replace("\r\n", "\n");
            if (!stripped.isEmpty() && !stripped.equals(BotTexts.DEFAULTS.get(key).strip())) {
                own.put(key, stripped);
            }
        });
        jdbc.sql("""
                insert into bot_settings (workspace_id, enabled, confidence_threshold, texts, updated_at) values (?, ?, ?, ?::jsonb, ?)
                on conflict (workspace_id) do update set enabled = excluded.enabled, confidence_threshold = excluded.confidence_threshold,
                    texts = excluded.texts, updated_at = excluded.updated_at""")
                .params(workspace.value(), enabled, threshold, json.writeValueAsString(own), Timestamp.from(clock.instant()))
                .update();
        AfterCommit.run(() -> recent.remove(workspace));
        return new Settings(enabled, threshold, Map.copyOf(own));
    }
}
