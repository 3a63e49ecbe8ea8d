package io.beseda.channel.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** App installations (FCM registration tokens) the shop registered for its customers. */
@Component
class PushDevices {

    record Device(UUID id, CustomerId customer, String token, String platform, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PushDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers the token for the customer; a token registered before moves to this customer (the app's new sign-in). */
    Device register(WorkspaceId workspace, CustomerId customer, String token, String platform) {
        return jdbc.sql("""
                        insert into push_device (id, workspace_id, customer_id, token, platform, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, token) do update
                        set customer_id = excluded.customer_id, platform = excluded.platform
                        returning id, customer_id, token, platform, created_at""")
                .params(UUID.randomUUID(), workspace.value(), customer.value(), token, platform, Timestamp.from(clock.instant()))
                .query((row, n) -> map(row)).single();
    }

    List<Device> of(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select id, customer_id, token, platform, created_at from push_device where workspace_id = ? and customer_id = ? order by created_at")
                .params(workspace.value(), customer.value()).query((row, n) -> map(row)).list();
    }

    Optional<Device> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select id, customer_id, token, platform, created_at from push_device where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((row, n) -> map(row)).optional();
    }

    boolean remove(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from push_device where workspace_id = ? and id = ?").params(workspace.value(), id).update() == 1;
    }

    private static Device map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Device(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                row.getString("token"), row.getString("platform"), row.getTimestamp("created_at").toInstant());
    }
}
