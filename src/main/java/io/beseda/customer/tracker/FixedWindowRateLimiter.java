package io.beseda.customer.tracker;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key in fixed windows, in this node's memory: enough to keep one misbehaving page
 * or script from flooding the public tracker endpoint. Several nodes each allow the limit.
 */
final class FixedWindowRateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FixedWindowRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    private record Window(long start, int count) {
    }

    /** Counts one request for {@code key}; empty when allowed, otherwise how long until the next window. */
    Optional<Duration> acquire(String key) {
        var now = clock.millis();
        var start = now - Math.floorMod(now, windowMillis);
        var window = windows.compute(key, (k, w) -> w == null || w.start() != start
                ? new Window(start, 1) : new Window(start, w.count() + 1));
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.start() < start);
        }
        if (window.count() <= limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(start + windowMillis - now));
    }
}
