package io.beseda.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, and that otherwise runs like a real one (schedulers wait on it). Journey tests
 * set it years ahead of the real one, so timers they schedule are never due for another context's scheduler,
 * which runs on real time.
 */
public final class VirtualClock extends Clock {

    private volatile Duration offset;

    public VirtualClock(Instant now) {
        this.offset = Duration.between(Instant.now(), now);
    }

    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public Instant advance(Duration by) {
        offset = offset.plus(by);
        return instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
