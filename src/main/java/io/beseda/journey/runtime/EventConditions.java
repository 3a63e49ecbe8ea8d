package io.beseda.journey.runtime;

import java.util.List;
import java.util.Map;

import io.beseda.journey.definition.Condition;

/** An event trigger's conditions on the event's own properties ({@code status}, or {@code event.status}). */
final class EventConditions {

    private EventConditions() {
    }

    static boolean hold(List<Condition> conditions, Map<String, String> properties) {
        for (var condition : conditions) {
            var field = condition.field().startsWith("event.") ? condition.field().substring(6) : condition.field();
            var actual = properties.get(field);
            var expected = condition.value();
            var holds = switch (condition.operator()) {
                case IS_SET -> actual != null;
                case NOT_SET -> actual == null;
                case EQUALS -> actual != null && actual.equalsIgnoreCase(expected);
                case NOT_EQUALS -> actual == null || !actual.equalsIgnoreCase(expected);
                case CONTAINS -> actual != null && expected != null && actual.toLowerCase().contains(expected.toLowerCase());
                case NOT_CONTAINS -> actual == null || expected == null || !actual.toLowerCase().contains(expected.toLowerCase());
                case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> compare(actual, expected, condition.operator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(String actual, String expected, Condition.Operator operator) {
        if (actual == null || expected == null) {
            return false;
        }
        try {
            var c = new java.math.BigDecimal(actual.replace(',', '.')).compareTo(new java.math.BigDecimal(expected.replace(',', '.')));
            return switch (operator) {
                case GREATER -> c > 0;
                case GREATER_OR_EQUAL -> c >= 0;
                case LESS -> c < 0;
                default -> c <= 0;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
