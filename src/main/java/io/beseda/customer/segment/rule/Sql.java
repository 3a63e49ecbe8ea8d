package io.beseda.customer.segment.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Accumulates the text of a predicate and its bound values, relative to one moment of evaluation. */
final class Sql {

    /** Joins {@code customer_order o} to {@code customer c}; cancelled orders are not purchases. */
    static final String COUNTED_ORDERS = "o.workspace_id = c.workspace_id and o.customer_id = c.id"
            + " and lower(o.status) not in ('cancelled', 'canceled')";
    /** Joins {@code storefront_event e} to {@code customer c}. */
    static final String EVENTS = "e.workspace_id = c.workspace_id and e.customer_id = c.id";
    /** Joins {@code cart k} to {@code customer c}. */
    static final String CART = "k.workspace_id = c.workspace_id and k.customer_id = c.id";

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final Instant now;

    Sql(Instant now) {
        this.now = now;
    }

    Sql add(String sql) {
        text.append(sql);
        return this;
    }

    Sql bind(Object value) {
        text.append('?');
        params.add(value);
        return this;
    }

    /** Binds the moment {@code days} days before now. */
    Sql daysAgo(int days) {
        return ago(Duration.ofDays(days));
    }

    Sql ago(Duration duration) {
        return bind(OffsetDateTime.ofInstant(now.minus(duration), ZoneOffset.UTC));
    }

    SqlPredicate predicate() {
        return new SqlPredicate(text.toString(), params);
    }
}
