package io.beseda.journey.runtime;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.StorefrontEventsRecorded;
import io.beseda.workspace.WorkspaceId;

/**
 * The goal: an event (usually {@code order_placed}) within the attribution window after entering exits the
 * customer from the journey and counts a conversion with its revenue, credited to the last message that went
 * out. A run that already finished (or was in the control group) converts too, so A/B arms compare fairly.
 */
@Component
class Goals {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Definitions definitions;
    private final Clock clock;

    Goals(JdbcClient jdbc, Definitions definitions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.clock = clock;
    }

    void reached(WorkspaceId workspace, StorefrontEventsRecorded.Recorded event) {
        var at = event.occurredAt();
        var candidates = jdbc.sql("""
                select id, journey_id, version, entered_at from journey_run
                where workspace_id = ? and customer_id = ? and status in ('ACTIVE', 'COMPLETED') and converted_at is null
                  and entered_at <= ? and entered_at >= ?""")
                .params(workspace.value(), event.customer().value(), Timestamp.from(at), Timestamp.from(at.minus(LONGEST_WINDOW)))
                .query((row, n) -> new Object[] {row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getInt(3),
                        row.getTimestamp(4).toInstant()})
                .list();
        for (var c : candidates) {
            var definition = definitions.version((UUID) c[1], (int) c[2]);
            var goal = definition == null ? null : definition.goal();
            if (goal == null || !goal.event().equals(event.type()) || ((java.time.Instant) c[3]).plus(goal.window()).isBefore(at)) {
                continue;
            }
            convert((UUID) c[0], event.properties(), at);
        }
    }

    private void convert(UUID run, Map<String, String> properties, java.time.Instant at) {
        var credited = jdbc.sql("""
                select step_id from journey_step_execution where run_id = ? and kind = 'send'
                  and outcome in ('SENT', 'DELIVERED', 'READ') and executed_at <= ? order by executed_at desc limit 1""")
                .params(run, Timestamp.from(at)).query(String.class).optional().orElse(null);
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update journey_run set status = 'CONVERTED', converted_at = ?, converted_order = ?, revenue = ?, converted_step = ?,
                    ended_at = coalesce(ended_at, ?), end_reason = coalesce(end_reason, 'goal reached'),
                    waiting_message_id = null, waiting_event = null, wake_at = null, updated_at = ?
                where id = ? and converted_at is null""")
                .params(Timestamp.from(at), properties.get("orderId"), amount(properties.get("total")), credited, now, now, run)
                .update();
    }

    private static @Nullable BigDecimal amount(@Nullable String total) {
        if (total == null) {
            return null;
        }
        try {
            return new BigDecimal(total.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
