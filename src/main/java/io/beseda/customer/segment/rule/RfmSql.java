package io.beseda.customer.segment.rule;

import java.util.List;

import org.jspecify.annotations.Nullable;

import static io.beseda.customer.segment.rule.Sql.COUNTED_ORDERS;

/** SQL for RFM buckets: the scores of {@link RfmScale} computed from the customer's orders. */
final class RfmSql {

    private RfmSql() {
    }

    static void rfm(Sql sql, Rule.Rfm rule) {
        sql.add("exists (select 1 from (select max(o.placed_at) as last_order,")
                .add(" count(*) filter (where o.placed_at >= ").daysAgo(RfmScale.YEAR_DAYS).add(") as orders,")
                .add(" coalesce(sum(o.total) filter (where o.placed_at >= ").daysAgo(RfmScale.YEAR_DAYS).add("), 0) as spent")
                .add(" from customer_order o where " + COUNTED_ORDERS + ") s where s.last_order is not null");
        if (rule.r() != null) {
            sql.add(" and (case");
            for (int i = 0; i < RfmScale.RECENCY_DAYS.size(); i++) {
                sql.add(" when s.last_order >= ").daysAgo(RfmScale.RECENCY_DAYS.get(i)).add(" then " + (5 - i));
            }
            within(sql.add(" else 1 end)"), rule.r());
        }
        score(sql, "s.orders", RfmScale.FREQUENCY_ORDERS, rule.f());
        score(sql, "s.spent", RfmScale.MONETARY_TOTALS, rule.m());
        sql.add(")");
    }

    private static void score(Sql sql, String measure, List<?> thresholds, Rule.Rfm.@Nullable Range range) {
        if (range == null) {
            return;
        }
        sql.add(" and (case");
        for (int i = 0; i < thresholds.size(); i++) {
            sql.add(" when " + measure + " >= ").bind(thresholds.get(i)).add(" then " + (5 - i));
        }
        within(sql.add(" else 1 end)"), range);
    }

    private static void within(Sql sql, Rule.Rfm.Range range) {
        sql.add(" between ").bind(range.from()).add(" and ").bind(range.to());
    }
}
