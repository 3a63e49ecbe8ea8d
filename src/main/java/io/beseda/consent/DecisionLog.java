package io.beseda.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** The send_decision table: every decision, so "why was this not sent?" always has an answer. */
@Repository
class DecisionLog {

    private final JdbcClient jdbc;

    DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RecordedDecision record(WorkspaceId workspace, CustomerId customer, SendRequest request, Instant decidedAt,
                            @Nullable Instant decidedFor, SendDecision decision, boolean dryRun, String decidedBy) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into send_decision (id, workspace_id, customer_id, channel, category, decided_at, decided_for,
                    outcome, defer_until, reason, detail, dry_run, message_ref, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspace.value(), customer.value(), request.channel().name(), request.category().name(),
                        Timestamp.from(decidedAt), decidedFor == null ? null : Timestamp.from(decidedFor),
                        decision.outcome().name(), decision.deferUntil() == null ? null : Timestamp.from(decision.deferUntil()),
                        decision.reason().name(), decision.detail(), dryRun, request.messageRef(), decidedBy)
                .update();
        return new RecordedDecision(id, customer, request.channel(), request.category(), decidedAt, decidedFor, decision,
                dryRun, request.messageRef(), decidedBy);
    }

    List<RecordedDecision> list(WorkspaceId workspace, CustomerId customer, int limit) {
        return jdbc.sql("select * from send_decision where workspace_id = ? and customer_id = ? order by decided_at desc, id limit ?")
                .params(workspace.value(), customer.value(), limit).query(DecisionLog::map).list();
    }

    private static RecordedDecision map(ResultSet row, int n) throws SQLException {
        var deferUntil = row.getTimestamp("defer_until");
        var decidedFor = row.getTimestamp("decided_for");
        var decision = new SendDecision(SendDecision.Outcome.valueOf(row.getString("outcome")),
                deferUntil == null ? null : deferUntil.toInstant(), DecisionReason.valueOf(row.getString("reason")),
                row.getString("detail") == null ? "" : row.getString("detail"));
        return new RecordedDecision(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                Channel.valueOf(row.getString("channel")), MessageCategory.valueOf(row.getString("category")),
                row.getTimestamp("decided_at").toInstant(), decidedFor == null ? null : decidedFor.toInstant(), decision,
                row.getBoolean("dry_run"), row.getString("message_ref"), row.getString("decided_by"));
    }
}
