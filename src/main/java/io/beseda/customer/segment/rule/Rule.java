package io.beseda.customer.segment.rule;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A segment rule: a tree of conditions a customer matches or not. Each node is written in JSON as an
 * object with exactly one key naming the condition; the record Javadoc shows that form. "In D days"
 * means from D×24 hours before the moment of evaluation until now.
 */
public sealed interface Rule {

    /** {@code {"all": [rule, …]}} — every rule matches. */
    record All(List<Rule> rules) implements Rule {
    }

    /** {@code {"any": [rule, …]}} — at least one rule matches. */
    record Any(List<Rule> rules) implements Rule {
    }

    /** {@code {"not": rule}} — the rule does not match. */
    record Not(Rule rule) implements Rule {
    }

    /**
     * {@code {"attribute": {"key": "tier", "op": "eq", "value": "gold"}}} — a custom attribute, compared
     * as its type says. {@code value} is a String, BigDecimal, Boolean or LocalDate; null for {@code exists}.
     * {@code ne} matches customers who have a different value, not those who have none.
     */
    record Attribute(String key, AttributeType type, Comparison op, @Nullable Object value) implements Rule {
    }

    /** {@code {"city": {"op": "eq", "value": "Казань"}}} — eq, ne, contains (ignoring case) or exists. */
    record City(Comparison op, @Nullable String value) implements Rule {
    }

    /** {@code {"gender": {"op": "eq", "value": "FEMALE"}}} — FEMALE or MALE; eq, ne or exists. */
    record Gender(Comparison op, @Nullable String value) implements Rule {
    }

    /** {@code {"birthdayMonth": {"op": "eq", "value": 3}}} — month 1–12 of the birthday; ordering or exists. */
    record BirthdayMonth(Comparison op, @Nullable Integer value) implements Rule {
    }

    /**
     * {@code {"viewedCategory": {"products": 3, "days": 7, "category": "Обувь"}}} — looked at
     * {@code products} or more different products of one category (the named one, ignoring case, or any
     * category when none is named) in the last {@code days} days.
     */
    record ViewedCategory(int products, int days, @Nullable String category) implements Rule {
    }

    /** {@code {"orders": {"op": "gte", "count": 2, "days": 30}}} — how many orders were placed in the last D days. */
    record Orders(Comparison op, int count, int days) implements Rule {
    }

    /** {@code {"noOrder": {"days": 90}}} — placed no order in the last D days (or never). */
    record NoOrder(int days) implements Rule {
    }

    /** {@code {"cart": {"op": "gt", "value": 5000}}} — the cart's total now; no cart counts as 0. */
    record CartValue(Comparison op, BigDecimal value) implements Rule {
    }

    /** {@code {"lastSeen": {"days": 7}}} — was seen (any channel, the storefront) in the last D days. */
    record LastSeen(int days) implements Rule {
    }

    /**
     * {@code {"rfm": {"r": [4, 5], "f": [3, 5], "m": [1, 5]}}} — the customer's RFM scores fall in the
     * given inclusive ranges; a score left out is not checked. See {@link RfmScale} for the thresholds.
     */
    record Rfm(@Nullable Range r, @Nullable Range f, @Nullable Range m) implements Rule {

        /** Scores from {@code from} to {@code to}, both included. */
        public record Range(int from, int to) {
        }
    }

    /** {@code {"shopper": "decided"}} — decided, browser or hesitant; see {@link ShopperType}. */
    record Shopper(ShopperType type) implements Rule {
    }

    /**
     * {@code {"abandonedCart": {"hours": 1}}} — the cart is worth more than zero, was last changed at
     * least {@code hours} hours ago, and no order was placed since it changed.
     */
    record AbandonedCart(int hours) implements Rule {
    }
}
