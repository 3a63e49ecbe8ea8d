package io.beseda.customer.segment.rule;

import java.util.List;

/**
 * A boolean SQL expression over {@code customer c} with {@code ?} placeholders, and the values to bind
 * to them in order. Never contains a value from the rule itself.
 */
public record SqlPredicate(String sql, List<Object> params) {

    public SqlPredicate {
        params = List.copyOf(params);
    }
}
