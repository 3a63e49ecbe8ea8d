package io.beseda.consent.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as people read them in decision details: in the customer's local time, zone named. */
final class Moments {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Moments() {
    }

    static String local(Instant moment, ZoneId zone) {
        return LOCAL.format(moment.atZone(zone)) + " " + zone.getId();
    }
}
