package io.beseda.channel.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: 5 s, 10 s, 20 s … capped at 15 minutes, each drawn uniformly from
 * [half, full] so a provider outage does not end in every message retrying at the same instant.
 */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(5);
    static final Duration CAP = Duration.ofMinutes(15);

    private Backoff() {
    }

    static Duration after(int attempts) {
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
