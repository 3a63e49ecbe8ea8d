package io.beseda.workspace;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Who changed consents and policies, who erased data: an append-only trail per workspace. */
@Component
public class AuditLog {

    public record Entry(Instant at, String actor, String action, @Nullable String subject, String details) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records an action in the actor's workspace; call it inside the transaction that makes the change. */
    public void record(Actor actor, String action, @Nullable String subject, Map<String, ?> details) {
        jdbc.sql("insert into audit_log (workspace_id, at, actor, action, subject, details) values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(actor.workspaceId().value(), Timestamp.from(clock.instant()), actor.kind() + ":" + actor.name(),
                        action, subject, json.writeValueAsString(details))
                .update();
    }

    public List<Entry> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("select at, actor, action, subject, details::text as details from audit_log where workspace_id = ? order by at desc, id desc limit ?")
                .params(workspace.value(), limit)
                .query((row, n) -> new Entry(row.getTimestamp("at").toInstant(), row.getString("actor"),
                        row.getString("action"), row.getString("subject"), row.getString("details")))
                .list();
    }
}
