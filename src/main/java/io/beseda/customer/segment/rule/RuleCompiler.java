package io.beseda.customer.segment.rule;

import java.time.Instant;
import java.util.List;

/**
 * Turns a rule into an SQL predicate over {@code customer c} (any alias-free query that selects from
 * {@code customer c} can add it to its {@code where}). Time windows are relative to {@code now}, bound as
 * parameters, so the same rule can be evaluated at any moment. Cancelled orders never count.
 *
 * <p>Every condition is wrapped in {@code coalesce(…, false)}: a customer with no city does not match
 * {@code city eq X}, and does match {@code not city eq X}, as a marketer reading the rule would expect.
 */
public final class RuleCompiler {

    private RuleCompiler() {
    }

    public static SqlPredicate compile(Rule rule, Instant now) {
        var sql = new Sql(now);
        write(sql, rule);
        return sql.predicate();
    }

    private static void write(Sql sql, Rule rule) {
        switch (rule) {
            case Rule.All all -> join(sql, all.rules(), " and ");
            case Rule.Any any -> join(sql, any.rules(), " or ");
            case Rule.Not not -> {
                sql.add("not (");
                write(sql, not.rule());
                sql.add(")");
            }
            default -> {
                sql.add("coalesce((");
                condition(sql, rule);
                sql.add("), false)");
            }
        }
    }

    private static void join(Sql sql, List<Rule> rules, String operator) {
        sql.add("(");
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                sql.add(operator);
            }
            write(sql, rules.get(i));
        }
        sql.add(")");
    }

    private static void condition(Sql sql, Rule rule) {
        switch (rule) {
            case Rule.Attribute attribute -> ProfileSql.attribute(sql, attribute);
            case Rule.City city -> ProfileSql.city(sql, city);
            case Rule.Gender gender -> ProfileSql.gender(sql, gender);
            case Rule.BirthdayMonth month -> ProfileSql.birthdayMonth(sql, month);
            case Rule.ViewedCategory viewed -> BehaviourSql.viewedCategory(sql, viewed);
            case Rule.Orders orders -> BehaviourSql.orders(sql, orders);
            case Rule.NoOrder noOrder -> BehaviourSql.noOrder(sql, noOrder);
            case Rule.CartValue cart -> BehaviourSql.cart(sql, cart);
            case Rule.LastSeen lastSeen -> BehaviourSql.lastSeen(sql, lastSeen);
            case Rule.AbandonedCart abandoned -> BehaviourSql.abandonedCart(sql, abandoned);
            case Rule.Rfm rfm -> RfmSql.rfm(sql, rfm);
            case Rule.Shopper shopper -> ShopperSql.shopper(sql, shopper);
            case Rule.All all -> throw new IllegalArgumentException("not a condition: " + all);
            case Rule.Any any -> throw new IllegalArgumentException("not a condition: " + any);
            case Rule.Not not -> throw new IllegalArgumentException("not a condition: " + not);
        }
    }
}
