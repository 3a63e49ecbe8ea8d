package io.beseda.journey.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Money, counts and dates the way a Russian customer reads them: «4 990 ₽», «5 товаров», «30 ноября 2026».
 * Spaces inside money and counts are non-breaking, so a price or a count never breaks across lines; a date keeps
 * the spaces of its format.
 */
final class RussianFormats {

    static final char NBSP = '\u00A0';

    private static final List<String> MONTHS = List.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря");
    private static final List<String> WEEKDAYS = List.of("понедельник", "вторник", "среда", "четверг", "пятница",
            "суббота", "воскресенье");
    private static final List<String> SHORT_WEEKDAYS = List.of("пн", "вт", "ср", "чт", "пт", "сб", "вс");

    private RussianFormats() {
    }

    /** «4 990 ₽», «1 299,50 ₽», «15 $»; empty for what is not a number. */
    static String money(@Nullable Object amount, @Nullable Object currency) {
        var number = decimal(amount);
        if (number == null) {
            return "";
        }
        var rounded = number.setScale(2, RoundingMode.HALF_UP);
        var whole = rounded.setScale(0, RoundingMode.DOWN).abs().toBigInteger().toString();
        var text = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(NBSP);
            }
            text.append(whole.charAt(i));
        }
        var cents = rounded.remainder(BigDecimal.ONE).abs().movePointRight(2).intValue();
        if (cents != 0) {
            text.append(',').append(String.format("%02d", cents));
        }
        var sign = rounded.signum() < 0 ? "−" : "";
        return sign + text + NBSP + symbol(currency == null ? "RUB" : currency.toString());
    }

    /** «1 товар», «2 товара», «5 товаров», «21 товар», «11 товаров»; fractions take the «товара» form. */
    static String plural(@Nullable Object count, String one, String few, String many) {
        var number = decimal(count);
        if (number == null) {
            return "";
        }
        var shown = number.stripTrailingZeros().scale() > 0 ? number.stripTrailingZeros().toPlainString().replace('.', ',')
                : number.toBigInteger().toString();
        return shown + NBSP + pluralWord(number, one, few, many);
    }

    static String pluralWord(BigDecimal number, String one, String few, String many) {
        if (number.stripTrailingZeros().scale() > 0) {
            return few;
        }
        var n = number.toBigInteger().abs().mod(java.math.BigInteger.valueOf(100)).intValue();
        if (n % 10 == 1 && n != 11) {
            return one;
        }
        if (n % 10 >= 2 && n % 10 <= 4 && (n < 12 || n > 14)) {
            return few;
        }
        return many;
    }

    /**
     * A date or time in Russian by a strftime-like format: {@code %e} day, {@code %d} day with a zero, {@code %B}
     * the month («ноября»), {@code %m}, {@code %Y}, {@code %y}, {@code %H}, {@code %M}, {@code %A} the weekday,
     * {@code %a} its short form, {@code %%}. Default «30 ноября 2026». Empty for what is not a date.
     */
    static String date(@Nullable Object value, @Nullable String format, ZoneId zone) {
        var date = zoned(value, zone);
        if (date == null) {
            return "";
        }
        var pattern = format == null || format.isBlank() ? "%e %B %Y" : format;
        var text = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            var c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                text.append(c);
                continue;
            }
            var code = pattern.charAt(++i);
            switch (code) {
                case 'e' -> text.append(date.getDayOfMonth());
                case 'd' -> text.append(String.format("%02d", date.getDayOfMonth()));
                case 'B' -> text.append(MONTHS.get(date.getMonthValue() - 1));
                case 'm' -> text.append(String.format("%02d", date.getMonthValue()));
                case 'Y' -> text.append(date.getYear());
                case 'y' -> text.append(String.format("%02d", date.getYear() % 100));
                case 'H' -> text.append(String.format("%02d", date.getHour()));
                case 'M' -> text.append(String.format("%02d", date.getMinute()));
                case 'A' -> text.append(WEEKDAYS.get(date.getDayOfWeek().getValue() - 1));
                case 'a' -> text.append(SHORT_WEEKDAYS.get(date.getDayOfWeek().getValue() - 1));
                case '%' -> text.append('%');
                default -> text.append('%').append(code);
            }
        }
        return text.toString();
    }

    private static @Nullable ZonedDateTime zoned(@Nullable Object value, ZoneId zone) {
        return switch (value) {
            case null -> null;
            case ZonedDateTime zoned -> zoned;
            case OffsetDateTime offset -> offset.atZoneSameInstant(zone);
            case Instant instant -> instant.atZone(zone);
            case LocalDate day -> day.atStartOfDay(zone);
            case TemporalAccessor other -> null;
            default -> parse(value.toString().strip(), zone);
        };
    }

    private static @Nullable ZonedDateTime parse(String text, ZoneId zone) {
        if (text.equalsIgnoreCase("now") || text.equalsIgnoreCase("today")) {
            return ZonedDateTime.now(zone);
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).atStartOfDay(zone);
            } catch (DateTimeParseException notADay) {
                return null;
            }
        }
    }

    static @Nullable BigDecimal decimal(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Number number -> parsed(number.toString());
            default -> parsed(value.toString().strip().replace(NBSP, ' ').replace(" ", "").replace(',', '.'));
        };
    }

    /** Null for what is not a number («много», NaN, Infinity). */
    private static @Nullable BigDecimal parsed(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String symbol(String currency) {
        return switch (currency.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "RUB", "RUR", "" -> "₽";
            case "USD" -> "$";
            case "EUR" -> "€";
            case "KZT" -> "₸";
            case "BYN" -> "Br";
            default -> currency.strip();
        };
    }
}
