package io.beseda.journey.definition;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** How often one customer may enter: once ever, once per period, or every time the trigger fires. */
public record EntryRule(Kind kind, @Nullable Duration period) {

    public enum Kind { ONCE, ONCE_PER_PERIOD, EVERY_TIME }

    public EntryRule {
        if ((kind == Kind.ONCE_PER_PERIOD) != (period != null && period.isPositive())) {
            throw new IllegalArgumentException("Once per period, and only that, needs a positive period");
        }
    }

    public static EntryRule oncePer(Duration period) {
        return new EntryRule(Kind.ONCE_PER_PERIOD, period);
    }

    public static EntryRule everyTime() {
        return new EntryRule(Kind.EVERY_TIME, null);
    }
}
