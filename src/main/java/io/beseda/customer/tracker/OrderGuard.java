package io.beseda.customer.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.storefront.IngestResult.FieldError;
import io.beseda.customer.storefront.IngestResult.Rejection;
import io.beseda.customer.storefront.StorefrontEvent;
import io.beseda.customer.storefront.StorefrontEventParser.Parsed;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

/**
 * A page may report its own customer's orders, but not touch an order that is already someone else's:
 * otherwise any page could move a customer's order, and its status history, to a profile of its own.
 */
@Component
class OrderGuard {

    private static final Set<String> ORDER_EVENTS = Set.of("order_placed", "order_status_changed");

    private final JdbcClient jdbc;
    private final Customers customers;

    OrderGuard(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** The batch without order events about other customers' orders, which are refused by their position in {@code events}. */
    Parsed guard(WorkspaceId workspace, Parsed parsed, JsonNode events) {
        var kept = new ArrayList<StorefrontEvent>();
        var rejected = new ArrayList<>(parsed.rejected());
        for (var event : parsed.events()) {
            if (ORDER_EVENTS.contains(event.type()) && !ownOrder(workspace, event)) {
                rejected.add(new Rejection(indexOf(events, event.id()), event.id(), List.of(new FieldError("properties.orderId",
                        "belongs to another customer; report such orders from the shop's backend through /api/v1/events"))));
            } else {
                kept.add(event);
            }
        }
        return new Parsed(kept, rejected);
    }

    private boolean ownOrder(WorkspaceId workspace, StorefrontEvent event) {
        var owner = jdbc.sql("select customer_id from customer_order where workspace_id = ? and order_id = ?")
                .params(workspace.value(), event.properties().path("orderId").asString())
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).optional();
        if (owner.isEmpty()) {
            return true;
        }
        // The event's identities were admitted already: its visitor id, and claims the shop signed or no one owns.
        return event.identities().stream().map(identity -> customers.findBy(workspace, identity))
                .anyMatch(owner::equals);
    }

    private static int indexOf(JsonNode events, String id) {
        for (int i = 0; i < events.size(); i++) {
            if (id.equals(events.get(i).path("id").asString(""))) {
                return i;
            }
        }
        return -1;
    }
}
