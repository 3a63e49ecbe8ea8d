package io.beseda.customer.segment.rule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** How a rule compares a value: the {@code op} of a condition. */
public enum Comparison {
    EQ("eq", "="), NE("ne", "<>"), GT("gt", ">"), GTE("gte", ">="), LT("lt", "<"), LTE("lte", "<="),
    /** Text contains the value, ignoring case. */
    CONTAINS("contains", null),
    /** The customer has a value at all; takes no {@code value}. */
    EXISTS("exists", null);

    static final Set<Comparison> ORDERING = EnumSet.of(EQ, NE, GT, GTE, LT, LTE);
    static final Set<Comparison> TEXT = EnumSet.of(EQ, NE, CONTAINS, EXISTS);
    static final Set<Comparison> EQUALITY = EnumSet.of(EQ, NE, EXISTS);

    private final String json;
    private final @Nullable String sql;

    Comparison(String json, @Nullable String sql) {
        this.json = json;
        this.sql = sql;
    }

    public String json() {
        return json;
    }

    /** The SQL operator of an ordering comparison; a constant of this enum, never user text. */
    String sql() {
        if (sql == null) {
            throw new IllegalStateException(json + " is not an SQL operator");
        }
        return sql;
    }

    static Optional<Comparison> ofJson(String name) {
        return Arrays.stream(values()).filter(c -> c.json.equals(name)).findFirst();
    }

    static String names(Set<Comparison> allowed) {
        return allowed.stream().map(Comparison::json).collect(Collectors.joining(", "));
    }
}
