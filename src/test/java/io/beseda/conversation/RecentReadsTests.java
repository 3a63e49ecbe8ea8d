package io.beseda.conversation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReadsTests {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final RecentReads<String, Integer> cache = new RecentReads<>(Duration.ofSeconds(5), nanos::get);

    @Test
    void aValueIsReadAgainOnceItIsOlderThanTheTtl() {
        assertThat(cache.get("inbox", this::read)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get("inbox", this::read)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("inbox", this::read)).isEqualTo(2);
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        cache.get("inbox", this::read);
        cache.forgetAll();
        assertThat(cache.get("inbox", this::read)).isEqualTo(2);
    }

    @Test
    void aReadThatRacedWithAChangeIsNotServedAgain() {
        // The change lands while the old value is being read: what that read returned must not be kept.
        cache.get("inbox", key -> {
            cache.forgetAll();
            return read(key);
        });
        assertThat(cache.get("inbox", this::read)).isEqualTo(2);
    }

    private int read(String key) {
        return reads.incrementAndGet();
    }
}
