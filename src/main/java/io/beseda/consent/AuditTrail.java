package io.beseda.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** Who changed consents, suppressions and the send policy, and what they changed: one audit_log row each. */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void record(WorkspaceId workspace, String actor, String action, String subject, Map<String, ?> details) {
        jdbc.sql("insert into audit_log (workspace_id, at, actor, action, subject, details) values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(workspace.value(), Timestamp.from(clock.instant()), actor, action, subject,
                        json.writeValueAsString(details))
                .update();
    }
}
