package io.beseda.journey.web;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Durations as a marketer types and reads them: «30 мин», «2 ч», «3 д», «1 ч 30 мин» (English units and ISO-8601
 * «PT45M» are understood too).
 */
final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(дней|дня|день|дн|д|days|day|d|часов|часа|час|ч|hours|hour|h"
            + "|минуты|минута|минут|мин|minutes|minute|min|m|секунд|сек|с|seconds|second|sec|s)\\.?");

    private DurationText() {
    }

    /**
     * @return null for a blank text
     * @throws IllegalArgumentException naming the text it cannot read
     */
    static @Nullable Duration parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var clean = text.strip().toLowerCase(Locale.ROOT);
        if (clean.startsWith("p")) {
            try {
                return Duration.parse(clean.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw unreadable(text);
            }
        }
        if (clean.matches("\\d+")) {
            return Duration.ofMinutes(Long.parseLong(clean));
        }
        var matcher = PART.matcher(clean);
        var total = Duration.ZERO;
        var end = 0;
        while (matcher.find()) {
            if (!clean.substring(end, matcher.start()).isBlank()) {
                throw unreadable(text);
            }
            var amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2).charAt(0)) {
                case 'д', 'd' -> Duration.ofDays(amount);
                case 'ч', 'h' -> Duration.ofHours(amount);
                case 'с', 's' -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || !clean.substring(end).isBlank()) {
            throw unreadable(text);
        }
        return total;
    }

    static String format(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        if (duration.isZero()) {
            return "0 мин";
        }
        var parts = new StringBuilder();
        append(parts, duration.toDaysPart(), "д");
        append(parts, duration.toHoursPart(), "ч");
        append(parts, duration.toMinutesPart(), "мин");
        append(parts, duration.toSecondsPart(), "с");
        return parts.toString();
    }

    private static void append(StringBuilder parts, long amount, String unit) {
        if (amount > 0) {
            parts.append(parts.isEmpty() ? "" : " ").append(amount).append(' ').append(unit);
        }
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("«" + text.strip() + "» — не срок: пишите, например, «30 мин», «2 ч», «3 д» или «1 ч 30 мин».");
    }
}
