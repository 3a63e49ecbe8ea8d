package io.beseda.customer.segment.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.segment.rule.InvalidRuleException.Problem;
import tools.jackson.databind.JsonNode;

/** The fields of one condition's JSON object, read with the path that names them in error messages. */
final class Fields {

    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The condition's object; refuses anything else and any field not in {@code allowed}. */
    static Fields of(JsonNode node, String path, List<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidRuleException(path, Problem.NOT_AN_OBJECT, String.join(", ", allowed));
        }
        for (var name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidRuleException(path, Problem.UNKNOWN_FIELD, name, String.join(", ", allowed));
            }
        }
        return new Fields(node, path);
    }

    String path(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        var value = node.get(field);
        return value != null && !value.isNull();
    }

    JsonNode required(String field) {
        if (!has(field)) {
            throw new InvalidRuleException(path(field), Problem.MISSING);
        }
        return node.get(field);
    }

    int wholeNumber(String field, int min, int max) {
        return wholeNumber(required(field), path(field), min, max);
    }

    static int wholeNumber(JsonNode value, String path, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new InvalidRuleException(path, Problem.WHOLE_NUMBER, min, max);
        }
        return value.intValue();
    }

    BigDecimal number(String field) {
        var value = required(field);
        if (!value.isNumber()) {
            throw new InvalidRuleException(path(field), Problem.NUMBER);
        }
        return value.decimalValue();
    }

    String text(String field, int maxLength) {
        return text(required(field), path(field), maxLength);
    }

    @Nullable String optionalText(String field, int maxLength) {
        return has(field) ? text(field, maxLength) : null;
    }

    static String text(JsonNode value, String path, int maxLength) {
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > maxLength) {
            throw new InvalidRuleException(path, Problem.TEXT, maxLength);
        }
        return value.stringValue().strip();
    }

    /** The {@code op} field, which must be one of {@code allowed}. */
    Comparison op(Set<Comparison> allowed) {
        var name = text("op", 20);
        return Comparison.ofJson(name).filter(allowed::contains).orElseThrow(() ->
                new InvalidRuleException(path("op"), Problem.OPERATOR, name, Comparison.names(allowed)));
    }

    /** Refuses a {@code value} next to {@code exists}, which compares nothing. */
    void noValue() {
        if (node.has("value")) {
            throw new InvalidRuleException(path("value"), Problem.NO_VALUE_FOR_EXISTS);
        }
    }
}
