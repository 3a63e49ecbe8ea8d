package io.beseda.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * A provider's {@code Retry-After} header (RFC 9110: seconds, or an HTTP date) as the wait before the next
 * attempt: never less than a second, so "now" or a date already past is not a busy loop; null when the header
 * is absent or unreadable (the dispatcher's backoff applies then).
 */
public final class RetryAfter {

    static final Duration LEAST = Duration.ofSeconds(1);

    private RetryAfter() {
    }

    public static @Nullable Duration parse(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return atLeastASecond(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                return atLeastASecond(Duration.between(now, ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static Duration atLeastASecond(Duration wait) {
        return wait.compareTo(LEAST) < 0 ? LEAST : wait;
    }
}
