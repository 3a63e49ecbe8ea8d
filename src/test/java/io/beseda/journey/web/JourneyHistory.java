package io.beseda.journey.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.workspace.WorkspaceId;

/**
 * What a journey's runs left behind, written as the engine and the dispatcher write it: runs, step executions,
 * the messages they queued (in their final status) and the send policy's decisions about them.
 */
final class JourneyHistory {

    private final JdbcClient jdbc;
    private final WorkspaceId workspace;
    private final UUID journey;
    private final int version;
    private final Instant now;

    JourneyHistory(JdbcClient jdbc, WorkspaceId workspace, UUID journey, int version, Instant now) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.journey = journey;
        this.version = version;
        this.now = now;
    }

    UUID customer(String name) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into customer (id, workspace_id, name, phone, email) values (?, ?, ?, ?, ?)")
                .params(id, workspace.value(), name, "+7916" + (1000000 + (int) (Math.random() * 8999999)), null).update();
        return id;
    }

    UUID run(UUID customer, String status, @Nullable String variant) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into journey_run (id, workspace_id, journey_id, version, customer_id, entry_key, status, state, variant,
                                         entered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, ?, ?)""")
                .params(id, workspace.value(), journey, version, customer, "entry-" + id, status, variant, Timestamp.from(now),
                        Timestamp.from(now)).update();
        return id;
    }

    /** {@code entered} finished runs in one variant, the first {@code converted} of them converted with 1000 ₽ each. */
    void variant(UUID customer, String variant, int entered, int converted) {
        jdbc.sql("""
                insert into journey_run (id, workspace_id, journey_id, version, customer_id, entry_key, status, state, variant,
                                         entered_at, updated_at, converted_at, revenue)
                select gen_random_uuid(), ?, ?, ?, ?, 'bulk-' || ? || '-' || n, case when n <= ? then 'CONVERTED' else 'COMPLETED' end,
                       '{}'::jsonb, ?, ?, ?, case when n <= ? then ?::timestamptz end, case when n <= ? then 1000 end
                from generate_series(1, ?) n""")
                .params(workspace.value(), journey, version, customer, variant, converted, variant, Timestamp.from(now),
                        Timestamp.from(now), converted, Timestamp.from(now), converted, entered).update();
        // what the engine records when a run passes the split: the split's id and the arm it took
        jdbc.sql("""
                insert into journey_step_execution (run_id, step_key, workspace_id, journey_id, version, step_id, kind, outcome,
                                                    detail, executed_at)
                select id, split_part(variant, ':', 1), workspace_id, journey_id, version, split_part(variant, ':', 1), 'split',
                       'VARIANT', split_part(variant, ':', 2), entered_at
                from journey_run where journey_id = ? and entry_key like ?""")
                .params(journey, "bulk-" + variant + "-%").update();
    }

    void converted(UUID run, String step, String revenue) {
        jdbc.sql("update journey_run set status = 'CONVERTED', converted_at = ?, converted_step = ?, revenue = ? where id = ?")
                .params(Timestamp.from(now), step, new BigDecimal(revenue), run).update();
    }

    /** The customer followed a cart link of the step's message. */
    void clicked(UUID run, UUID customer, String step) {
        jdbc.sql("insert into journey_click (workspace_id, run_id, step_id, customer_id, clicked_at) values (?, ?, ?, ?, ?)")
                .params(workspace.value(), run, step, customer, Timestamp.from(now)).update();
    }

    void executed(UUID run, String step, String kind) {
        execution(run, step, kind, null);
    }

    /** The step queued a message that ended as {@code status} (with the policy's or provider's reason when it failed). */
    UUID sent(UUID run, UUID customer, String step, String channel, String status, @Nullable String failureReason) {
        var message = UUID.randomUUID();
        jdbc.sql("""
                insert into outbound_message (id, workspace_id, idempotency_key, customer_id, channel, category, body, status,
                                              failure_reason, next_attempt_at, deadline, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'MARKETING', 'Корзина ждёт', ?, ?, ?, ?, ?, ?)""")
                .params(message, workspace.value(), "journey-" + message, customer, channel, status, failureReason,
                        Timestamp.from(now), Timestamp.from(now.plusSeconds(3600)), Timestamp.from(now), Timestamp.from(now)).update();
        execution(run, step + "#" + channel, "send", message);
        // the engine writes the message's outcome as a second execution of the same step
        execution(run, step + "#" + channel + "#outcome", "send", message);
        return message;
    }

    void deferred(UUID message, UUID customer) {
        jdbc.sql("""
                insert into send_decision (id, workspace_id, customer_id, channel, category, decided_at, outcome, defer_until, reason,
                                           message_ref, decided_by)
                values (?, ?, ?, 'SMS', 'MARKETING', ?, 'DEFER', ?, 'QUIET_HOURS', ?, 'test')""")
                .params(UUID.randomUUID(), workspace.value(), customer, Timestamp.from(now), Timestamp.from(now.plusSeconds(7200)),
                        message.toString()).update();
    }

    private void execution(UUID run, String key, String kind, @Nullable UUID message) {
        var step = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
        jdbc.sql("""
                insert into journey_step_execution (run_id, step_key, workspace_id, journey_id, version, step_id, kind, outcome,
                                                    message_id, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, 'DONE', ?, ?)""")
                .params(run, key, workspace.value(), journey, version, step, kind, message, Timestamp.from(now)).update();
    }
}
