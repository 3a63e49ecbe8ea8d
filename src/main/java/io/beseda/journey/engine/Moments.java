package io.beseda.journey.engine;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** Times of day in the customer's zone. */
final class Moments {

    private Moments() {
    }

    /** The next moment, after {@code now}, when the customer's clock shows {@code time}. */
    static Instant next(Instant now, LocalTime time, ZoneId zone) {
        var local = now.atZone(zone);
        var today = local.toLocalDate().atTime(time).atZone(zone);
        return (today.toInstant().isAfter(now) ? today : local.toLocalDate().plusDays(1).atTime(time).atZone(zone)).toInstant();
    }
}
