package io.beseda.customer.segment.rule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.beseda.customer.segment.rule.InvalidRuleException.Problem;
import tools.jackson.databind.JsonNode;

/** Reads the conditions on what the profile says: custom attributes, city, gender, birthday month. */
final class ProfileConditions {

    private static final List<String> COMPARISON_FIELDS = List.of("op", "value");
    private static final int MAX_TEXT = 500;

    private ProfileConditions() {
    }

    static Rule attribute(JsonNode body, String path, Map<String, AttributeType> defined) {
        var fields = Fields.of(body, path, List.of("key", "op", "value"));
        var key = fields.text("key", 63);
        var type = defined.get(key);
        if (type == null) {
            var known = defined.isEmpty() ? "none" : String.join(", ", new TreeSet<>(defined.keySet()));
            throw new InvalidRuleException(fields.path("key"), Problem.UNKNOWN_ATTRIBUTE, key, known);
        }
        var op = fields.op(type.comparisons());
        if (op == Comparison.EXISTS) {
            fields.noValue();
            return new Rule.Attribute(key, type, op, null);
        }
        return new Rule.Attribute(key, type, op, value(fields, type));
    }

    private static Object value(Fields fields, AttributeType type) {
        return switch (type) {
            case STRING -> fields.text("value", MAX_TEXT);
            case NUMBER -> fields.number("value");
            case BOOLEAN -> {
                var value = fields.required("value");
                if (!value.isBoolean()) {
                    throw new InvalidRuleException(fields.path("value"), Problem.BOOLEAN);
                }
                yield value.booleanValue();
            }
            case DATE -> date(fields);
        };
    }

    private static LocalDate date(Fields fields) {
        var value = fields.required("value");
        try {
            if (value.isString()) {
                return LocalDate.parse(value.stringValue());
            }
        } catch (DateTimeParseException e) {
            // reported below, with the path
        }
        throw new InvalidRuleException(fields.path("value"), Problem.DATE);
    }

    static Rule city(JsonNode body, String path) {
        var fields = Fields.of(body, path, COMPARISON_FIELDS);
        var op = fields.op(Comparison.TEXT);
        if (op == Comparison.EXISTS) {
            fields.noValue();
            return new Rule.City(op, null);
        }
        return new Rule.City(op, fields.text("value", MAX_TEXT));
    }

    static Rule gender(JsonNode body, String path) {
        var fields = Fields.of(body, path, COMPARISON_FIELDS);
        var op = fields.op(Comparison.EQUALITY);
        if (op == Comparison.EXISTS) {
            fields.noValue();
            return new Rule.Gender(op, null);
        }
        var value = fields.text("value", 10).toUpperCase(Locale.ROOT);
        if (!value.equals("FEMALE") && !value.equals("MALE")) {
            throw new InvalidRuleException(fields.path("value"), Problem.ONE_OF, "FEMALE, MALE");
        }
        return new Rule.Gender(op, value);
    }

    static Rule birthdayMonth(JsonNode body, String path) {
        var fields = Fields.of(body, path, COMPARISON_FIELDS);
        var allowed = EnumSet.copyOf(Comparison.ORDERING);
        allowed.add(Comparison.EXISTS);
        var op = fields.op(allowed);
        if (op == Comparison.EXISTS) {
            fields.noValue();
            return new Rule.BirthdayMonth(op, null);
        }
        return new Rule.BirthdayMonth(op, fields.wholeNumber("value", 1, 12));
    }
}
