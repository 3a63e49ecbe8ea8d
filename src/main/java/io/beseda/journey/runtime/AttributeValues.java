package io.beseda.journey.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerProfiles.AttributeType;

/** A journey step's attribute value, written as text by the marketer, in the attribute's own type. */
final class AttributeValues {

    private AttributeValues() {
    }

    /** The value in the type, or null when the text is not one. */
    static @Nullable Object typed(AttributeType type, String text) {
        var value = text.strip();
        return switch (type) {
            case STRING -> value;
            case NUMBER -> {
                try {
                    yield new BigDecimal(value.replace(',', '.').replace(" ", ""));
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "да", "yes" -> Boolean.TRUE;
                case "false", "нет", "no" -> Boolean.FALSE;
                default -> null;
            };
            case DATE -> {
                try {
                    yield LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
        };
    }
}
