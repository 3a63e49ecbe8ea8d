package io.beseda.consent.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Hours of the customer's own day when they are not disturbed; {@code from} after {@code to} crosses midnight. */
record QuietHours(LocalTime from, LocalTime to) {

    boolean contains(Instant moment, ZoneId zone) {
        var time = moment.atZone(zone).toLocalTime();
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** The first moment after {@code moment}, which lies in quiet hours, when they are over. */
    Instant endAfter(Instant moment, ZoneId zone) {
        var local = moment.atZone(zone);
        var date = local.toLocalDate();
        if (from.isAfter(to) && !local.toLocalTime().isBefore(from)) {
            date = date.plusDays(1);
        }
        return ZonedDateTime.of(date, to, zone).toInstant();
    }

    @Override
    public String toString() {
        return from + "–" + to;
    }
}
