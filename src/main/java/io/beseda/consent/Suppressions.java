package io.beseda.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;
import io.beseda.workspace.WorkspaceId;

/** The workspace's suppression list; every addition and removal is audited. */
@Service
public class Suppressions {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final AuditLog audit;
    private final Clock clock;

    Suppressions(JdbcClient jdbc, Customers customers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Suppression> list(WorkspaceId workspace) {
        return jdbc.sql("select * from suppression where workspace_id = ? order by created_at desc, id")
                .param(workspace.value()).query(Suppressions::map).list();
    }

    public Suppression get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from suppression where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(Suppressions::map).optional().orElseThrow(() -> new NotFoundException("Suppression", id));
    }

    /** Suppresses a customer, an address, or the address of one customer, in one channel or (no channel) in all. */
    @Transactional
    public Suppression add(Actor actor, @Nullable Channel channel, @Nullable String address, @Nullable CustomerId customer,
                           String reason) {
        var workspace = actor.workspaceId();
        var owner = customer == null ? null : customers.get(workspace, customer).id();
        var normalised = Addresses.normalise(channel, address);
        if (owner == null && normalised == null) {
            throw new RuleViolationException("suppression.target-required", "Name an address, a customer, or both");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into suppression (id, workspace_id, channel, address, customer_id, reason, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspace.value(), channel == null ? null : channel.name(), normalised,
                        owner == null ? null : owner.value(), reason.strip(), Timestamp.from(clock.instant()), actor.name())
                .update();
        audit.record(actor, "suppression.added", id.toString(), describe(channel, owner, reason));
        return get(workspace, id);
    }

    @Transactional
    public Suppression remove(Actor actor, UUID id) {
        var suppression = get(actor.workspaceId(), id);
        jdbc.sql("delete from suppression where workspace_id = ? and id = ?").params(actor.workspaceId().value(), id).update();
        audit.record(actor, "suppression.removed", id.toString(),
                describe(suppression.channel(), suppression.customerId(), suppression.reason()));
        return suppression;
    }

    /** The audit log keeps what and whom, not the address itself. */
    private static LinkedHashMap<String, Object> describe(@Nullable Channel channel, @Nullable CustomerId customer, String reason) {
        var details = new LinkedHashMap<String, Object>();
        details.put("channel", channel == null ? "ALL" : channel.name());
        if (customer != null) {
            details.put("customer", customer.toString());
        }
        details.put("reason", reason);
        return details;
    }

    private static Suppression map(ResultSet row, int n) throws SQLException {
        var channel = row.getString("channel");
        var customer = row.getObject("customer_id", UUID.class);
        return new Suppression(row.getObject("id", UUID.class), channel == null ? null : Channel.valueOf(channel),
                row.getString("address"), customer == null ? null : new CustomerId(customer), row.getString("reason"),
                row.getTimestamp("created_at").toInstant(), row.getString("created_by"));
    }
}
