package io.beseda.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one reading of a provider's Retry-After that every connector uses. */
class RetryAfterTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:02:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("скоро", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse(" ", NOW)).isNull();
    }
}
