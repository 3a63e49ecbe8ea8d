package io.beseda.channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Whether a message on a channel has anywhere to go: a valid phone for SMS, an e-mail address, the customer's
 * messenger account, a browser or app subscribed to push. Consent is not asked here; the send policy decides that.
 */
@Service
public class Reachability {

    private final JdbcClient jdbc;
    private final ChannelAccounts accounts;

    Reachability(JdbcClient jdbc, ChannelAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public boolean reachable(WorkspaceId workspace, CustomerId customer, Channel channel) {
        if (channel == Channel.PUSH) {
            return pushTargets(workspace, customer) > 0 || sandboxBrowser(workspace, customer);
        }
        return jdbc.sql("select exists (select 1 from customer_identity where workspace_id = ? and customer_id = ? and kind = ? and valid)")
                .params(workspace.value(), customer.value(), SenderKinds.kindOf(channel).name()).query(Boolean.class).single();
    }

    private int pushTargets(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("""
                select (select count(*) from push_subscription where workspace_id = ? and customer_id = ?)
                     + (select count(*) from push_device where workspace_id = ? and customer_id = ?)""")
                .params(workspace.value(), customer.value(), workspace.value(), customer.value()).query(Integer.class).single();
    }

    /**
     * The sandbox stands in for the push services: with a sandbox push account, a customer whose browser the
     * tracker knows counts as subscribed, so push can be tried end to end without a browser's push service.
     */
    private boolean sandboxBrowser(WorkspaceId workspace, CustomerId customer) {
        return accounts.forChannel(workspace, Channel.PUSH).filter(a -> a.provider().equals("sandbox")).isPresent()
                && jdbc.sql("select exists (select 1 from customer_identity where workspace_id = ? and customer_id = ? and kind = 'VISITOR')")
                .params(workspace.value(), customer.value()).query(Boolean.class).single();
    }
}
