package io.beseda.customer.segment.rule;

import java.time.Duration;

import static io.beseda.customer.segment.rule.Sql.CART;
import static io.beseda.customer.segment.rule.Sql.COUNTED_ORDERS;
import static io.beseda.customer.segment.rule.Sql.EVENTS;

/** SQL for the conditions on what the customer did, read from storefront events, orders and the cart. */
final class BehaviourSql {

    private BehaviourSql() {
    }

    static void viewedCategory(Sql sql, Rule.ViewedCategory rule) {
        sql.add("exists (select 1 from storefront_event e where " + EVENTS + " and e.type = 'product_viewed'")
                .add(" and e.occurred_at >= ").daysAgo(rule.days())
                .add(" and coalesce(e.properties ->> 'category', '') <> ''");
        if (rule.category() != null) {
            sql.add(" and lower(e.properties ->> 'category') = lower(").bind(rule.category()).add("::text)");
        }
        sql.add(" group by lower(e.properties ->> 'category')")
                .add(" having count(distinct e.properties ->> 'productId') >= ").bind(rule.products()).add(")");
    }

    static void orders(Sql sql, Rule.Orders rule) {
        ordersSince(sql, rule.days()).add(" " + rule.op().sql() + " ").bind(rule.count());
    }

    /** {@code (number of orders placed in the last days)}. */
    static Sql ordersSince(Sql sql, int days) {
        return sql.add("(select count(*) from customer_order o where " + COUNTED_ORDERS)
                .add(" and o.placed_at >= ").daysAgo(days).add(")");
    }

    static void noOrder(Sql sql, Rule.NoOrder rule) {
        sql.add("not exists (select 1 from customer_order o where " + COUNTED_ORDERS)
                .add(" and o.placed_at >= ").daysAgo(rule.days()).add(")");
    }

    static void cart(Sql sql, Rule.CartValue rule) {
        sql.add("coalesce((select k.total from cart k where " + CART + "), 0) " + rule.op().sql() + " ")
                .bind(rule.value());
    }

    static void lastSeen(Sql sql, Rule.LastSeen rule) {
        sql.add("c.last_seen_at >= ").daysAgo(rule.days());
    }

    static void abandonedCart(Sql sql, Rule.AbandonedCart rule) {
        sql.add("exists (select 1 from cart k where " + CART + " and k.total > 0")
                .add(" and k.updated_at <= ").ago(Duration.ofHours(rule.hours()))
                .add(" and not exists (select 1 from customer_order o where " + COUNTED_ORDERS)
                .add(" and o.placed_at >= k.updated_at))");
    }
}
