package io.beseda.consent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomersMerged;

/**
 * When two profiles turn out to be one person, everything consent keeps about the merged profile moves
 * to the survivor: the ledger (the one update the ledger allows, inside {@code beseda.merge}), decisions,
 * sends counted by the caps, channel activity, suppressions and data requests. Running it twice moves
 * nothing the second time.
 */
@Component
class ConsentMerging {

    private static final String[] MOVED = {"consent_record", "send_decision", "marketing_send", "suppression", "data_request"};

    private final JdbcClient jdbc;

    ConsentMerging(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        var workspace = merged.workspaceId().value();
        var to = merged.survivor().value();
        var from = merged.merged().value();
        jdbc.sql("select set_config('beseda.merge', 'on', true)").query(String.class).single();
        for (var table : MOVED) {
            jdbc.sql("update " + table + " set customer_id = ? where workspace_id = ? and customer_id = ?")
                    .params(to, workspace, from).update();
        }
        // One row per customer and channel: the survivor keeps the latest time either of them wrote.
        jdbc.sql("""
                insert into customer_channel_activity (workspace_id, customer_id, channel, last_inbound_at)
                select workspace_id, ?, channel, last_inbound_at from customer_channel_activity
                where workspace_id = ? and customer_id = ?
                on conflict (workspace_id, customer_id, channel) do update
                set last_inbound_at = greatest(customer_channel_activity.last_inbound_at, excluded.last_inbound_at)""")
                .params(to, workspace, from).update();
        jdbc.sql("delete from customer_channel_activity where workspace_id = ? and customer_id = ?")
                .params(workspace, from).update();
    }
}
