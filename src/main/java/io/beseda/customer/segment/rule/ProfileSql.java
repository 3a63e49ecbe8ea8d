package io.beseda.customer.segment.rule;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** SQL for the conditions on the profile. Text compares ignoring case; user values are bound. */
final class ProfileSql {

    private ProfileSql() {
    }

    static void attribute(Sql sql, Rule.Attribute rule) {
        var key = rule.key();
        if (rule.op() == Comparison.EXISTS) {
            sql.add("coalesce(jsonb_typeof(c.attributes -> ").bind(key).add("::text), 'null') <> 'null'");
            return;
        }
        switch (rule.type()) {
            case STRING -> text(sql, rule.op(), s -> s.add("c.attributes ->> ").bind(key).add("::text"), value(rule));
            case NUMBER -> typed(sql, key, "number", "numeric").add(" " + rule.op().sql() + " ").bind(value(rule));
            case BOOLEAN -> typed(sql, key, "boolean", "boolean").add(" " + rule.op().sql() + " ").bind(value(rule));
            case DATE -> {
                // ISO dates order as text; anything that is not a date never matches and never fails a cast.
                sql.add("(case when (c.attributes ->> ").bind(key).add("::text) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'")
                        .add(" then left(c.attributes ->> ").bind(key).add("::text, 10) end) ")
                        .add(rule.op().sql() + " ").bind(((LocalDate) value(rule)).toString()).add("::text");
            }
        }
    }

    private static Object value(Rule.Attribute rule) {
        return required(rule.value());
    }

    /** A comparison other than {@code exists} always has a value; the parser makes sure of it. */
    private static Object required(@Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A comparison other than 'exists' needs a value");
        }
        return value;
    }

    /** The attribute as {@code cast} when its JSON has {@code jsonType}, else null: a bad value cannot break the query. */
    private static Sql typed(Sql sql, String key, String jsonType, String cast) {
        return sql.add("(case when jsonb_typeof(c.attributes -> ").bind(key).add("::text) = '" + jsonType + "'")
                .add(" then (c.attributes ->> ").bind(key).add("::text)::" + cast + " end)");
    }

    static void city(Sql sql, Rule.City rule) {
        if (rule.op() == Comparison.EXISTS) {
            sql.add("coalesce(c.city, '') <> ''");
        } else {
            text(sql, rule.op(), s -> s.add("c.city"), required(rule.value()));
        }
    }

    static void gender(Sql sql, Rule.Gender rule) {
        if (rule.op() == Comparison.EXISTS) {
            sql.add("c.gender is not null");
        } else {
            sql.add("c.gender " + rule.op().sql() + " ").bind(required(rule.value())).add("::text");
        }
    }

    static void birthdayMonth(Sql sql, Rule.BirthdayMonth rule) {
        if (rule.op() == Comparison.EXISTS) {
            sql.add("c.birthday is not null");
        } else {
            sql.add("extract(month from c.birthday) " + rule.op().sql() + " ").bind(rule.value());
        }
    }

    /** eq, ne or contains, ignoring case, on the text {@code subject} writes. */
    private static void text(Sql sql, Comparison op, Consumer<Sql> subject, Object value) {
        switch (op) {
            case EQ, NE -> {
                sql.add("lower(");
                subject.accept(sql);
                sql.add(") " + op.sql() + " lower(").bind(value).add("::text)");
            }
            case CONTAINS -> {
                sql.add("strpos(lower(");
                subject.accept(sql);
                sql.add("), lower(").bind(value).add("::text)) > 0");
            }
            default -> throw new IllegalArgumentException(op + " does not compare text");
        }
    }
}
