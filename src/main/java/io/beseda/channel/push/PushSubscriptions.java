package io.beseda.channel.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** Browsers subscribed to a workspace's web push, one row per push endpoint, each for one customer. */
@Component
class PushSubscriptions {

    record Subscription(UUID id, String endpoint, String p256dh, String auth) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the browser's subscription for the customer; the same endpoint again replaces keys and customer. */
    UUID save(WorkspaceId workspace, CustomerId customer, String endpoint, String p256dh, String auth) {
        return jdbc.sql("""
                        insert into push_subscription (id, workspace_id, customer_id, endpoint, p256dh, auth, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, endpoint) do update
                        set customer_id = excluded.customer_id, p256dh = excluded.p256dh, auth = excluded.auth
                        returning id""")
                .params(UUID.randomUUID(), workspace.value(), customer.value(), endpoint, p256dh, auth,
                        Timestamp.from(clock.instant()))
                .query(UUID.class).single();
    }

    List<Subscription> of(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select id, endpoint, p256dh, auth from push_subscription where workspace_id = ? and customer_id = ? order by created_at")
                .params(workspace.value(), customer.value())
                .query((row, n) -> new Subscription(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)))
                .list();
    }

    /** The push service said the subscription is gone (404/410). */
    void remove(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from push_subscription where workspace_id = ? and id = ?").params(workspace.value(), id).update();
    }
}
