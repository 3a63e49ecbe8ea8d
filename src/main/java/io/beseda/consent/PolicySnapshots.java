package io.beseda.consent;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.consent.policy.MarketingSend;
import io.beseda.consent.policy.PolicySnapshot;
import io.beseda.customer.Customer;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/** Gathers from the database what the send rules need to know about one customer and one channel. */
@Repository
class PolicySnapshots {

    private final JdbcClient jdbc;
    private final ConsentLedger ledger;
    private final PolicySettingsStore settings;
    private final Customers customers;
    private final Workspaces workspaces;

    PolicySnapshots(JdbcClient jdbc, ConsentLedger ledger, PolicySettingsStore settings, Customers customers,
                    Workspaces workspaces) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.customers = customers;
        this.workspaces = workspaces;
    }

    PolicySnapshot load(WorkspaceId workspace, Customer customer, Channel channel, @Nullable String address, Instant at) {
        var zone = customer.timeZoneOr(workspaces.find(workspace)
                .orElseThrow(() -> new NotFoundException("Workspace", workspace)).timeZone());
        var consent = ledger.deciding(workspace, customer.id(), ConsentPurpose.MARKETING, channel);
        return new PolicySnapshot(customer.erased(), zone, settings.load(workspace),
                consent == null ? ConsentStatus.NONE : consent.status(),
                suppressed(workspace, customer, channel, address), sends(workspace, customer, at),
                lastInbound(workspace, customer, channel));
    }

    /** Suppressed by customer, or by any address of theirs or the one the message goes to, in this channel or all. */
    private boolean suppressed(WorkspaceId workspace, Customer customer, Channel channel, @Nullable String address) {
        var addresses = new HashSet<String>();
        customers.identities(workspace, customer.id()).stream().map(Identity::value).forEach(addresses::add);
        var normalised = Addresses.normalise(channel, address);
        if (normalised != null) {
            addresses.add(normalised);
        }
        return jdbc.sql("""
                select exists (select 1 from suppression
                               where workspace_id = ? and (channel is null or channel = ?)
                                 and (customer_id = ? or address = any(?)))""")
                .params(workspace.value(), channel.name(), customer.id().value(), addresses.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    private List<MarketingSend> sends(WorkspaceId workspace, Customer customer, Instant at) {
        return jdbc.sql("""
                select channel, sent_at from marketing_send
                where workspace_id = ? and customer_id = ? and sent_at > ? and sent_at <= ?""")
                .params(workspace.value(), customer.id().value(), Timestamp.from(at.minus(Duration.ofDays(7))),
                        Timestamp.from(at))
                .query((row, n) -> new MarketingSend(Channel.valueOf(row.getString("channel")),
                        row.getTimestamp("sent_at").toInstant()))
                .list();
    }

    @Nullable Instant lastInbound(WorkspaceId workspace, Customer customer, Channel channel) {
        return jdbc.sql("select last_inbound_at from customer_channel_activity where workspace_id = ? and customer_id = ? and channel = ?")
                .params(workspace.value(), customer.id().value(), channel.name())
                .query((row, n) -> row.getTimestamp(1).toInstant()).optional().orElse(null);
    }
}
