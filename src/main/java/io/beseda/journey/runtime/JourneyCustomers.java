package io.beseda.journey.runtime;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerErased;
import io.beseda.customer.CustomersMerged;

/**
 * Keeps runs with the person: an erased customer leaves every journey at once (with what the steps recorded
 * about them: texts and the trigger's facts); a merged profile's runs continue as the survivor's, unless the
 * survivor is already inside the same journey under the same entry, in which case the merged one leaves.
 */
@Component
class JourneyCustomers {

    private final JdbcClient jdbc;
    private final Clock clock;

    JourneyCustomers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CustomerErased erased) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update journey_run set status = 'EXITED', end_reason = 'customer erased', ended_at = coalesce(ended_at, ?),
                    waiting_message_id = null, waiting_event = null, wake_at = null, state = jsonb_set(state, '{facts}', '{}'::jsonb),
                    updated_at = ?
                where workspace_id = ? and customer_id = ? and status = 'ACTIVE'""")
                .params(now, now, erased.workspaceId().value(), erased.customer().value()).update();
        jdbc.sql("update journey_run set state = jsonb_set(state, '{facts}', '{}'::jsonb) where workspace_id = ? and customer_id = ?")
                .params(erased.workspaceId().value(), erased.customer().value()).update();
        jdbc.sql("""
                update journey_step_execution set detail = '' where workspace_id = ?
                  and run_id in (select id from journey_run where workspace_id = ? and customer_id = ?)""")
                .params(erased.workspaceId().value(), erased.workspaceId().value(), erased.customer().value()).update();
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update journey_run r set status = 'EXITED', end_reason = 'merged into a profile already inside', ended_at = ?,
                    waiting_message_id = null, waiting_event = null, wake_at = null, updated_at = ?
                where r.workspace_id = ? and r.customer_id = ? and r.status = 'ACTIVE'
                  and exists (select 1 from journey_run s where s.journey_id = r.journey_id and s.customer_id = ?
                              and s.entry_key = r.entry_key and s.status = 'ACTIVE')""")
                .params(now, now, merged.workspaceId().value(), merged.merged().value(), merged.survivor().value()).update();
        jdbc.sql("update journey_run set customer_id = ?, updated_at = ? where workspace_id = ? and customer_id = ?")
                .params(merged.survivor().value(), now, merged.workspaceId().value(), merged.merged().value()).update();
    }
}
