package io.beseda.customer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.workspace.WorkspaceId;

/**
 * Erases what the customer module knows about a person: the profile is anonymised, identities are
 * deleted (kept only as hashes, so the shop's later events for them are dropped rather than bringing the
 * data back), event details and the cart are removed. Counts stay true: the profile row, the events'
 * types and times and the orders' totals remain, without anything that identifies the person.
 */
@Service
public class CustomerErasure {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    CustomerErasure(JdbcClient jdbc, Customers customers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.events = events;
    }

    /** Erases the customer (and the profiles merged into them) and returns what was removed, by kind. */
    @Transactional
    public Map<String, Integer> erase(WorkspaceId workspace, CustomerId id) {
        var customer = customers.get(workspace, id);
        var ws = workspace.value();
        var target = customer.id().value();
        var removed = new LinkedHashMap<String, Integer>();
        for (var identity : customers.identities(workspace, customer.id())) {
            var hash = ErasedIdentities.hash(identity).substring(identity.kind().name().length() + 1);
            jdbc.sql("insert into erased_identity (workspace_id, kind, value_sha256) values (?, ?, ?) on conflict do nothing")
                    .params(ws, identity.kind().name(), hash).update();
        }
        removed.put("identities", jdbc.sql("delete from customer_identity where workspace_id = ? and customer_id = ?").params(ws, target).update());
        removed.put("eventDetails", jdbc.sql("update storefront_event set properties = '{}'::jsonb where workspace_id = ? and customer_id = ? and properties <> '{}'::jsonb").params(ws, target).update());
        removed.put("carts", jdbc.sql("delete from cart where workspace_id = ? and customer_id = ?").params(ws, target).update());
        removed.put("orderItems", jdbc.sql("update customer_order set items = '[]'::jsonb where workspace_id = ? and customer_id = ? and items <> '[]'::jsonb").params(ws, target).update());
        removed.put("recentViews", jdbc.sql("delete from recent_view where workspace_id = ? and customer_id = ?").params(ws, target).update());
        removed.put("segmentMemberships", jdbc.sql("delete from segment_member where workspace_id = ? and customer_id = ?").params(ws, target).update());
        removed.put("profiles", jdbc.sql("""
                update customer set name = null, phone = null, phone_valid = null, email = null, birthday = null,
                    gender = null, city = null, time_zone = null, attributes = '{}'::jsonb, erased_at = now()
                where workspace_id = ? and (id = ? or merged_into = ?)""").params(ws, target, target).update());
        events.publishEvent(new CustomerErased(workspace, customer.id()));
        return removed;
    }
}
