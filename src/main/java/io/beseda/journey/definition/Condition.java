package io.beseda.journey.definition;

import org.jspecify.annotations.Nullable;

/**
 * A test on what Beseda knows about the customer when the step runs.
 *
 * @param field one of {@code cart.total}, {@code cart.items}, {@code order.status}, {@code order.total},
 *              {@code customer.city}, {@code customer.<attribute>}, {@code segment}, {@code previous.outcome}
 *              (SENT, DELIVERED, READ, CLICKED, NOT_SENT), {@code sent.channels} (the channels this run reached the
 *              customer on), {@code variant}, or {@code event.<property>} for an event trigger's properties
 */
public record Condition(String field, Operator operator, @Nullable String value) {

    public enum Operator {
        EQUALS, NOT_EQUALS, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, CONTAINS, NOT_CONTAINS, IS_SET, NOT_SET
    }

    public Condition {
        if (field.isBlank()) {
            throw new IllegalArgumentException("A condition names a field");
        }
        if (value == null && operator != Operator.IS_SET && operator != Operator.NOT_SET) {
            throw new IllegalArgumentException("The condition on " + field + " needs a value");
        }
    }
}
