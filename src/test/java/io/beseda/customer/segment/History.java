package io.beseda.customer.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.workspace.WorkspaceId;

/**
 * Writes small customer histories straight into the tables the storefront ingestion fills
 * (storefront_event, customer_order, cart), relative to a fixed "now", for one workspace.
 */
final class History {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final WorkspaceId workspace;
    private final Instant now;

    History(JdbcClient jdbc, Customers customers, WorkspaceId workspace, Instant now) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.workspace = workspace;
        this.now = now;
    }

    /** A new customer, last seen a day before now. */
    CustomerId customer(String name) {
        var id = customers.resolve(workspace, List.of(Identity.email(name + "-" + UUID.randomUUID() + "@buyer.example")),
                now.minus(Duration.ofDays(1))).orElseThrow();
        jdbc.sql("update customer set name = ? where id = ?").params(name, id.value()).update();
        return id;
    }

    History viewed(CustomerId customer, String productId, String category, Duration ago) {
        return event(customer, "product_viewed", ago,
                "{\"productId\": \"" + productId + "\", \"name\": \"Товар " + productId + "\", \"category\": \""
                        + category + "\", \"price\": 1990}");
    }

    History checkoutStarted(CustomerId customer, Duration ago) {
        return event(customer, "checkout_started", ago, "{}");
    }

    History event(CustomerId customer, String type, Duration ago, String properties) {
        jdbc.sql("""
                insert into storefront_event (workspace_id, event_id, customer_id, type, occurred_at, properties)
                values (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(workspace.value(), UUID.randomUUID().toString(), customer.value(), type, at(ago), properties)
                .update();
        return this;
    }

    History ordered(CustomerId customer, String total, Duration ago) {
        return ordered(customer, total, ago, "placed");
    }

    History ordered(CustomerId customer, String total, Duration ago, String status) {
        jdbc.sql("""
                insert into customer_order (workspace_id, order_id, customer_id, status, total, placed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(workspace.value(), UUID.randomUUID().toString(), customer.value(), status, new BigDecimal(total),
                        at(ago), at(ago))
                .update();
        return this;
    }

    History cart(CustomerId customer, String total, Duration ago) {
        var items = new BigDecimal(total).signum() > 0 ? "[{\"productId\": \"p1\", \"quantity\": 1}]" : "[]";
        jdbc.sql("""
                insert into cart (workspace_id, customer_id, items, total, updated_at) values (?, ?, ?::jsonb, ?, ?)
                on conflict (workspace_id, customer_id) do update set items = excluded.items, total = excluded.total,
                    updated_at = excluded.updated_at""")
                .params(workspace.value(), customer.value(), items, new BigDecimal(total), at(ago)).update();
        return this;
    }

    History lastSeen(CustomerId customer, Duration ago) {
        jdbc.sql("update customer set last_seen_at = ? where id = ?").params(at(ago), customer.value()).update();
        return this;
    }

    History profile(CustomerId customer, String city, String gender, LocalDate birthday) {
        jdbc.sql("update customer set city = ?, gender = ?, birthday = ? where id = ?")
                .params(city, gender, birthday, customer.value()).update();
        return this;
    }

    History attributes(CustomerId customer, String json) {
        jdbc.sql("update customer set attributes = ?::jsonb where id = ?").params(json, customer.value()).update();
        return this;
    }

    History defineAttribute(String key, String type) {
        jdbc.sql("insert into customer_attribute (workspace_id, key, type) values (?, ?, ?)")
                .params(workspace.value(), key, type).update();
        return this;
    }

    History erase(CustomerId customer) {
        jdbc.sql("update customer set erased_at = ?, name = null, email = null where id = ?")
                .params(at(Duration.ZERO), customer.value()).update();
        return this;
    }

    private OffsetDateTime at(Duration ago) {
        return OffsetDateTime.ofInstant(now.minus(ago), ZoneOffset.UTC);
    }
}
