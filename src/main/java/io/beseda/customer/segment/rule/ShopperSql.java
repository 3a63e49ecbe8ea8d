package io.beseda.customer.segment.rule;

import static io.beseda.customer.segment.rule.ShopperType.BROWSER_MIN_PRODUCTS;
import static io.beseda.customer.segment.rule.ShopperType.DECIDED_PRODUCTS_PER_ORDER;
import static io.beseda.customer.segment.rule.ShopperType.HESITANT_REPEAT_VIEWS;
import static io.beseda.customer.segment.rule.ShopperType.WINDOW_DAYS;
import static io.beseda.customer.segment.rule.Sql.CART;
import static io.beseda.customer.segment.rule.Sql.EVENTS;

/** SQL for the shopper types, exactly as {@link ShopperType} defines them. */
final class ShopperSql {

    private ShopperSql() {
    }

    static void shopper(Sql sql, Rule.Shopper rule) {
        switch (rule.type()) {
            case DECIDED -> {
                window(sql).add(" where w.orders >= 1 and w.products <= ").bind(DECIDED_PRODUCTS_PER_ORDER)
                        .add(" * w.orders)");
            }
            case BROWSER -> {
                window(sql).add(" where w.orders = 0 and w.products >= ").bind(BROWSER_MIN_PRODUCTS).add(")");
                sql.add(" and not ");
                intent(sql);
            }
            case HESITANT -> {
                sql.add("not exists (select 1 from customer_order o where " + Sql.COUNTED_ORDERS)
                        .add(" and o.placed_at >= ").daysAgo(WINDOW_DAYS).add(") and ");
                intent(sql);
            }
        }
    }

    /** {@code exists (select 1 from (orders and different products viewed in the window) w} — caller closes it. */
    private static Sql window(Sql sql) {
        sql.add("exists (select 1 from (select ");
        BehaviourSql.ordersSince(sql, WINDOW_DAYS);
        return sql.add(" as orders, (select count(distinct e.properties ->> 'productId') from storefront_event e")
                .add(" where " + EVENTS + " and e.type = 'product_viewed' and e.occurred_at >= ").daysAgo(WINDOW_DAYS)
                .add(") as products) w");
    }

    /** Signs of wanting to buy in the window: a checkout started, a cart with something in it, a product looked at again and again. */
    private static void intent(Sql sql) {
        sql.add("(exists (select 1 from storefront_event e where " + EVENTS + " and e.type = 'checkout_started'")
                .add(" and e.occurred_at >= ").daysAgo(WINDOW_DAYS).add(")")
                .add(" or exists (select 1 from cart k where " + CART + " and k.updated_at >= ").daysAgo(WINDOW_DAYS)
                .add(" and (k.total > 0 or (jsonb_typeof(k.items) = 'array' and k.items <> '[]'::jsonb)))")
                .add(" or exists (select 1 from storefront_event e where " + EVENTS + " and e.type = 'product_viewed'")
                .add(" and e.occurred_at >= ").daysAgo(WINDOW_DAYS).add(" and e.properties ->> 'productId' is not null")
                .add(" group by e.properties ->> 'productId' having count(*) >= ").bind(HESITANT_REPEAT_VIEWS).add("))");
    }
}
