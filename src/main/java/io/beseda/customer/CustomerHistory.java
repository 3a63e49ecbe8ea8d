package io.beseda.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a customer did and has: their timeline of storefront events, cart, orders and recently viewed products. */
@Service
public class CustomerHistory {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record TimelineEntry(String eventId, String type, boolean custom, Instant occurredAt, Map<String, Object> properties) {
    }

    /** The cart as last reported; {@link #NONE} for a customer who never had one. */
    public record Cart(List<Map<String, Object>> items, BigDecimal total, String currency, @Nullable Instant updatedAt) {

        public static final Cart NONE = new Cart(List.of(), BigDecimal.ZERO, "RUB", null);

        public boolean empty() {
            return items.isEmpty() && total.signum() == 0;
        }
    }

    public record Order(String orderId, String status, BigDecimal total, String currency, List<Map<String, Object>> items,
                        Instant placedAt, Instant updatedAt, List<StatusChange> history, @Nullable Delivery delivery) {
    }

    /** What the latest status said about the delivery; any part may be missing. */
    public record Delivery(@Nullable String courierName, @Nullable String courierPhone, @Nullable String trackingUrl,
                           @Nullable String expectedAt) {
    }

    public record StatusChange(String status, Instant at) {
    }

    public record RecentView(String productId, @Nullable String name, @Nullable String category,
                             @Nullable BigDecimal price, int views, Instant viewedAt) {
    }

    /** Where the previous page of a timeline ended: its last entry's time and event id. */
    public record Cursor(Instant at, String lastEventId) {
    }

    /**
     * Newest first. With {@code after}, continues behind the previous page's last entry; entries that
     * happened at the same instant as it are not skipped.
     */
    public List<TimelineEntry> timeline(WorkspaceId workspace, CustomerId customer, @Nullable Cursor after, int limit) {
        var at = after == null ? null : java.sql.Timestamp.from(after.at());
        return jdbc.sql("""
                select event_id, type, custom, occurred_at, properties::text as properties from storefront_event
                where workspace_id = ? and customer_id = ?
                  and (?::timestamptz is null or occurred_at < ? or (occurred_at = ? and event_id > ?))
                order by occurred_at desc, event_id limit ?""")
                .params(workspace.value(), customer.value(), at, at, at, after == null ? "" : after.lastEventId(), limit)
                .query(this::entry)
                .list();
    }

    private TimelineEntry entry(ResultSet row, int n) throws SQLException {
        return new TimelineEntry(row.getString("event_id"), row.getString("type"), row.getBoolean("custom"),
                row.getTimestamp("occurred_at").toInstant(), json.readValue(row.getString("properties"), OBJECT));
    }

    public Optional<Cart> cart(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select items::text as items, total, currency, updated_at from cart where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .query((row, n) -> new Cart(items(row.getString("items")), row.getBigDecimal("total"), row.getString("currency"),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public List<Order> orders(WorkspaceId workspace, CustomerId customer) {
        var orders = jdbc.sql("select * from customer_order where workspace_id = ? and customer_id = ? order by placed_at desc")
                .params(workspace.value(), customer.value()).query(this::order).list();
        return orders.stream().map(o -> withHistory(workspace, o)).toList();
    }

    /** One order by the shop's number for it, whoever placed it. */
    public Optional<Order> order(WorkspaceId workspace, String orderId) {
        return jdbc.sql("select * from customer_order where workspace_id = ? and order_id = ?").params(workspace.value(), orderId.strip())
                .query(this::order).optional().map(o -> withHistory(workspace, o));
    }

    /**
     * An order as a customer types its number: exactly, or by its digits alone («10023» finds «DM-10023»),
     * the most recent when several share the digits.
     */
    public Optional<Order> orderAsTyped(WorkspaceId workspace, String typed) {
        var number = typed.strip();
        var digits = number.matches("\\d{3,20}") ? number : null;
        return jdbc.sql("""
                select * from customer_order where workspace_id = ?
                  and (order_id = ? or (?::text is not null and regexp_replace(order_id, '\\D', '', 'g') = ?))
                order by (order_id = ?) desc, placed_at desc limit 1""")
                .params(workspace.value(), number, digits, digits, number)
                .query(this::order).optional().map(o -> withHistory(workspace, o));
    }

    /** Who placed an order (for "is this order theirs?" before telling its status). */
    public Optional<CustomerId> placedBy(WorkspaceId workspace, String orderId) {
        return jdbc.sql("select customer_id from customer_order where workspace_id = ? and order_id = ?")
                .params(workspace.value(), orderId.strip()).query((r, n) -> new CustomerId(r.getObject(1, java.util.UUID.class))).optional();
    }

    private Order withHistory(WorkspaceId workspace, Order o) {
        return new Order(o.orderId(), o.status(), o.total(), o.currency(), o.items(), o.placedAt(), o.updatedAt(),
                statusHistory(workspace, o.orderId()), o.delivery());
    }

    public List<RecentView> recentViews(WorkspaceId workspace, CustomerId customer, int limit) {
        return jdbc.sql("select * from recent_view where workspace_id = ? and customer_id = ? order by viewed_at desc limit ?")
                .params(workspace.value(), customer.value(), limit)
                .query((row, n) -> new RecentView(row.getString("product_id"), row.getString("product_name"),
                        row.getString("category"), row.getBigDecimal("price"), row.getInt("views"),
                        row.getTimestamp("viewed_at").toInstant()))
                .list();
    }

    private List<StatusChange> statusHistory(WorkspaceId workspace, String orderId) {
        return jdbc.sql("select status, changed_at from order_status_change where workspace_id = ? and order_id = ? order by changed_at")
                .params(workspace.value(), orderId)
                .query((row, n) -> new StatusChange(row.getString("status"), row.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Items as the shop sent them; anything that is not a list of objects shows as no items. */
    private List<Map<String, Object>> items(String items) {
        try {
            return json.readValue(items, LIST);
        } catch (tools.jackson.core.JacksonException e) {
            return List.of();
        }
    }

    private Order order(ResultSet row, int n) throws SQLException {
        return new Order(row.getString("order_id"), row.getString("status"), row.getBigDecimal("total"),
                row.getString("currency"), items(row.getString("items")), row.getTimestamp("placed_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), List.of(),
                row.getString("delivery") == null ? null : json.readValue(row.getString("delivery"), Delivery.class));
    }
}
