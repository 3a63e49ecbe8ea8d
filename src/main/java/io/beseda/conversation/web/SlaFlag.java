package io.beseda.conversation.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a conversation stands against its response target: late (in red, with how late), due soon, on
 * time, or no clock running.
 *
 * @param minutes how late, or how long is left, in whole minutes
 */
record SlaFlag(State state, long minutes, @Nullable Instant dueAt) {

    enum State { NONE, ON_TIME, SOON, BREACHED }

    static final Duration SOON = Duration.ofMinutes(10);

    static SlaFlag of(@Nullable Instant dueAt, @Nullable Instant breachedAt, Instant now) {
        if (dueAt == null) {
            return breachedAt == null ? new SlaFlag(State.NONE, 0, null)
                    : new SlaFlag(State.BREACHED, Duration.between(breachedAt, now).toMinutes(), null);
        }
        if (breachedAt != null || !now.isBefore(dueAt)) {
            return new SlaFlag(State.BREACHED, Duration.between(dueAt, now).toMinutes(), dueAt);
        }
        var left = Duration.between(now, dueAt);
        return new SlaFlag(left.compareTo(SOON) <= 0 ? State.SOON : State.ON_TIME, Math.max(1, left.toMinutes()), dueAt);
    }

    public String css() {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** «1 ч 5 мин» is hours and minutes; below an hour only minutes. */
    public long hours() {
        return minutes / 60;
    }

    public long restMinutes() {
        return minutes % 60;
    }
}
