package io.beseda.customer.segment.rule;

import java.util.EnumSet;
import java.util.Set;

/**
 * The type of a custom customer attribute ({@code customer_attribute.type}), which decides the
 * comparisons a rule may use on it and the kind of value it must give.
 */
public enum AttributeType {
    /** Text; compared ignoring case. */
    STRING(Comparison.TEXT),
    NUMBER(EnumSet.of(Comparison.EQ, Comparison.NE, Comparison.GT, Comparison.GTE, Comparison.LT, Comparison.LTE,
            Comparison.EXISTS)),
    BOOLEAN(Comparison.EQUALITY),
    /** A calendar date stored as {@code YYYY-MM-DD}. */
    DATE(EnumSet.of(Comparison.EQ, Comparison.NE, Comparison.GT, Comparison.GTE, Comparison.LT, Comparison.LTE,
            Comparison.EXISTS));

    private final Set<Comparison> comparisons;

    AttributeType(Set<Comparison> comparisons) {
        this.comparisons = comparisons;
    }

    Set<Comparison> comparisons() {
        return comparisons;
    }
}
