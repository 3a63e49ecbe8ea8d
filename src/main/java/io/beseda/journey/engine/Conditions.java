package io.beseda.journey.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.journey.definition.Condition;

/** Tests a condition against what the ports know; numbers compare as numbers, everything else as text. */
final class Conditions {

    private Conditions() {
    }

    static boolean test(Condition condition, RunRef run, RunState state, Ports ports) {
        if (condition.field().equals("segment")) {
            var in = condition.value() != null && isUuid(condition.value()) && ports.inSegment(run, UUID.fromString(condition.value()));
            return switch (condition.operator()) {
                case EQUALS, CONTAINS, IS_SET -> in;
                default -> !in;
            };
        }
        var actual = ports.fact(run, state, condition.field());
        var expected = condition.value();
        return switch (condition.operator()) {
            case IS_SET -> actual != null && !actual.isBlank();
            case NOT_SET -> actual == null || actual.isBlank();
            case EQUALS -> actual != null && compare(actual, expected) == 0;
            case NOT_EQUALS -> actual == null || compare(actual, expected) != 0;
            case GREATER -> actual != null && compare(actual, expected) > 0;
            case GREATER_OR_EQUAL -> actual != null && compare(actual, expected) >= 0;
            case LESS -> actual != null && compare(actual, expected) < 0;
            case LESS_OR_EQUAL -> actual != null && compare(actual, expected) <= 0;
            case CONTAINS -> actual != null && lower(actual).contains(lower(expected));
            case NOT_CONTAINS -> actual == null || !lower(actual).contains(lower(expected));
        };
    }

    private static int compare(String actual, @Nullable String expected) {
        if (expected == null) {
            return 1;
        }
        var a = number(actual);
        var b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return lower(actual).compareTo(lower(expected));
    }

    private static @Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(@Nullable String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
