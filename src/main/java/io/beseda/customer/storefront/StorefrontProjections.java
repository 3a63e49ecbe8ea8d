package io.beseda.customer.storefront;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.beseda.customer.storefront.StorefrontIngestion.Owned;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the read models current from new events, set-wise per batch: the latest cart per customer,
 * orders and their status history, and recently viewed products. Out-of-order events never roll a
 * projection back (every update keeps the newer state).
 */
@Component
class StorefrontProjections {

    private final JdbcTemplate jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    StorefrontProjections(JdbcTemplate jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
    }

    void apply(WorkspaceId workspace, List<Owned> events) {
        var byType = events.stream().collect(Collectors.groupingBy(o -> o.event().type()));
        carts(workspace, byType.getOrDefault("cart_updated", List.of()));
        orders(workspace, byType.getOrDefault("order_placed", List.of()));
        statuses(workspace, byType.getOrDefault("order_status_changed", List.of()));
        views(workspace, byType.getOrDefault("product_viewed", List.of()));
    }

    private void carts(WorkspaceId workspace, List<Owned> updates) {
        var latest = new java.util.TreeMap<java.util.UUID, Owned>();
        updates.stream().sorted(Comparator.comparing(o -> o.event().occurredAt()))
                .forEach(o -> latest.put(o.customer().value(), o));
        var rows = latest.values().stream().map(o -> {
            var p = o.event().properties();
            var items = p.path("items");
            return new Object[] {workspace.value(), o.customer().value(), items.toString(), cartTotal(p, items),
                    currency(p), Timestamp.from(o.event().occurredAt())};
        }).toList();
        jdbc.batchUpdate("""
                insert into cart (workspace_id, customer_id, items, total, currency, updated_at)
                values (?, ?, ?::jsonb, ?, ?, ?)
                on conflict (workspace_id, customer_id) do update
                set items = excluded.items, total = excluded.total, currency = excluded.currency, updated_at = excluded.updated_at
                where cart.updated_at <= excluded.updated_at""", rows);
    }

    private void orders(WorkspaceId workspace, List<Owned> placed) {
        var rows = new ArrayList<Object[]>();
        var history = new ArrayList<Object[]>();
        var emptied = new ArrayList<Object[]>();
        for (var o : placed.stream().sorted(Comparator.comparing((Owned p) -> p.event().properties().path("orderId").asString())).toList()) {
            var p = o.event().properties();
            var at = Timestamp.from(o.event().occurredAt());
            var status = p.path("status").asString("new");
            history.add(new Object[] {workspace.value(), p.path("orderId").asString(), status, at, o.event().id()});
            emptied.add(new Object[] {workspace.value(), o.customer().value(), at});
        }
        for (var o : latestPerOrder(placed)) {
            var p = o.event().properties();
            var at = Timestamp.from(o.event().occurredAt());
            rows.add(new Object[] {workspace.value(), p.path("orderId").asString(), o.customer().value(),
                    p.path("status").asString("new"), amount(p.path("total")), currency(p),
                    p.path("items").isArray() ? p.path("items").toString() : "[]", at, at});
        }
        jdbc.batchUpdate("""
                insert into customer_order (workspace_id, order_id, customer_id, status, total, currency, items, placed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (workspace_id, order_id) do update
                set customer_id = excluded.customer_id, total = excluded.total, currency = excluded.currency,
                    items = excluded.items, placed_at = excluded.placed_at""", rows);
        jdbc.batchUpdate("insert into order_status_change (workspace_id, order_id, status, changed_at, event_id) values (?, ?, ?, ?, ?) on conflict do nothing", history);
        // The basket was bought: a cart not changed since the order is no longer an abandoned cart.
        jdbc.batchUpdate("update cart set items = '[]'::jsonb, total = 0, updated_at = ? where workspace_id = ? and customer_id = ? and updated_at <= ?",
                emptied.stream().map(r -> new Object[] {r[2], r[0], r[1], r[2]}).toList());
    }

    private void statuses(WorkspaceId workspace, List<Owned> changes) {
        var history = new ArrayList<Object[]>();
        var orders = new ArrayList<Object[]>();
        for (var o : changes.stream().sorted(Comparator.comparing((Owned p) -> p.event().properties().path("orderId").asString())).toList()) {
            var p = o.event().properties();
            var at = Timestamp.from(o.event().occurredAt());
            history.add(new Object[] {workspace.value(), p.path("orderId").asString(), p.path("status").asString(), at, o.event().id()});
        }
        // what the batch said about each order's delivery, later statuses overriding earlier ones field by field
        var deliveries = new java.util.HashMap<String, java.util.Map<String, String>>();
        changes.stream().sorted(Comparator.comparing((Owned c) -> c.event().occurredAt())).forEach(c -> deliveries
                .computeIfAbsent(c.event().properties().path("orderId").asString(), k -> new java.util.LinkedHashMap<>())
                .putAll(delivery(c.event().properties())));
        for (var o : latestPerOrder(changes)) {
            var p = o.event().properties();
            var at = Timestamp.from(o.event().occurredAt());
            var delivery = deliveries.getOrDefault(p.path("orderId").asString(), java.util.Map.of());
            orders.add(new Object[] {workspace.value(), p.path("orderId").asString(), o.customer().value(),
                    p.path("status").asString(), at, at, delivery.isEmpty() ? null : json.writeValueAsString(delivery)});
        }
        jdbc.batchUpdate("insert into order_status_change (workspace_id, order_id, status, changed_at, event_id) values (?, ?, ?, ?, ?) on conflict do nothing", history);
        // A status may arrive before the order itself; the order is then created and completed later.
        jdbc.batchUpdate("""
                insert into customer_order (workspace_id, order_id, customer_id, status, placed_at, updated_at, delivery)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (workspace_id, order_id) do update set status = excluded.status, updated_at = excluded.updated_at,
                    delivery = case when excluded.delivery is null then customer_order.delivery
                                    else coalesce(customer_order.delivery, '{}'::jsonb) || excluded.delivery end
                where customer_order.updated_at <= excluded.updated_at""", orders);
    }

    /** Courier, tracking link and expected date, as far as the status says them (texts cut to a sane length). */
    private static java.util.Map<String, String> delivery(tools.jackson.databind.JsonNode properties) {
        var delivery = new java.util.LinkedHashMap<String, String>();
        for (var field : List.of("courierName", "courierPhone", "trackingUrl", "expectedAt")) {
            var value = properties.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                var text = value.asString().strip();
                delivery.put(field, text.length() > 300 ? text.substring(0, 300) : text);
            }
        }
        return delivery;
    }

    /**
     * The newest event per order: one upsert may not touch a row twice, and a batch often carries an
     * order's whole way (paid, shipped, delivered) at once.
     */
    private static List<Owned> latestPerOrder(List<Owned> events) {
        var latest = new java.util.TreeMap<String, Owned>();
        events.stream().sorted(Comparator.comparing(o -> o.event().occurredAt()))
                .forEach(o -> latest.put(o.event().properties().path("orderId").asString(), o));
        return List.copyOf(latest.values());
    }

    private void views(WorkspaceId workspace, List<Owned> views) {
        Map<String, List<Owned>> byProduct = views.stream()
                .collect(Collectors.groupingBy(o -> o.customer() + "|" + o.event().properties().path("productId").asString(),
                        java.util.TreeMap::new, Collectors.toList()));
        var rows = byProduct.values().stream().map(group -> {
            var last = group.stream().max(Comparator.comparing(o -> o.event().occurredAt())).orElseThrow();
            var p = last.event().properties();
            return new Object[] {workspace.value(), last.customer().value(), p.path("productId").asString(),
                    p.path("name").asString(null), p.path("category").asString(null), nullableAmount(p.path("price")),
                    group.size(), Timestamp.from(last.event().occurredAt())};
        }).toList();
        jdbc.batchUpdate("""
                insert into recent_view (workspace_id, customer_id, product_id, product_name, category, price, views, viewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, customer_id, product_id) do update
                set views = recent_view.views + excluded.views,
                    product_name = case when excluded.viewed_at >= recent_view.viewed_at then coalesce(excluded.product_name, recent_view.product_name) else recent_view.product_name end,
                    category = case when excluded.viewed_at >= recent_view.viewed_at then coalesce(excluded.category, recent_view.category) else recent_view.category end,
                    price = case when excluded.viewed_at >= recent_view.viewed_at then coalesce(excluded.price, recent_view.price) else recent_view.price end,
                    viewed_at = greatest(recent_view.viewed_at, excluded.viewed_at)""", rows);
    }

    private static BigDecimal cartTotal(JsonNode properties, JsonNode items) {
        if (properties.path("total").isNumber()) {
            return properties.path("total").decimalValue();
        }
        var sum = BigDecimal.ZERO;
        for (var item : items) {
            sum = sum.add(amount(item.path("price")).multiply(BigDecimal.valueOf(item.path("quantity").asInt(1))));
        }
        return sum;
    }

    private static BigDecimal amount(JsonNode value) {
        var parsed = nullableAmount(value);
        return parsed == null ? BigDecimal.ZERO : parsed;
    }

    private static BigDecimal nullableAmount(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.asString().replace(',', '.').replace(" ", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String currency(JsonNode properties) {
        var currency = properties.path("currency").asString("RUB");
        return currency.matches("[A-Z]{3}") ? currency : "RUB";
    }
}
