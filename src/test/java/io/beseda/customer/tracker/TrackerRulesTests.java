package io.beseda.customer.tracker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker's rules that need no server: signatures, the rate limit, the script's size. */
class TrackerRulesTests {

    @Test
    void signsTheGivenFieldsInCanonicalOrder() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("shopCustomerId", "42");
        fields.put("phone", "+79161234567");
        fields.put("email", "anna@example.ru");

        assertThat(IdentitySignature.canonical(fields)).isEqualTo("email=anna@example.ru&phone=+79161234567&shopCustomerId=42");
        // printf '%s' "email=anna@example.ru&phone=+79161234567&shopCustomerId=42" | openssl dgst -sha256 -hmac trs_secret
        assertThat(IdentitySignature.sign("trs_secret", fields))
                .isEqualTo("396a35c66b68977c63965d57b776e48413bac2dc6fdcc6812135ed995eecd5d8");
        assertThat(IdentitySignature.verify("trs_secret", fields, IdentitySignature.sign("trs_secret", fields).toUpperCase())).isTrue();
        assertThat(IdentitySignature.verify("trs_other", fields, IdentitySignature.sign("trs_secret", fields))).isFalse();
    }

    @Test
    void aSignedValueCannotPassForTwoClaims() {
        var sneaky = Map.of("email", "me&phone=+79161234567");
        var signature = IdentitySignature.sign("trs_secret", sneaky);

        assertThat(IdentitySignature.canonical(sneaky)).isEqualTo("email=me%26phone%3D+79161234567");
        assertThat(IdentitySignature.verify("trs_secret", sneaky, signature)).isTrue();
        assertThat(IdentitySignature.verify("trs_secret", Map.of("email", "me", "phone", "+79161234567"), signature)).isFalse();
    }

    @Test
    void allowsTheLimitPerWindowAndTellsWhenToComeBack() {
        var clock = new MutableClock(Instant.parse("2026-11-20T10:00:10Z"));
        var limiter = new FixedWindowRateLimiter(3, Duration.ofMinutes(1), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("token|1.2.3.4")).isEmpty();
        }
        assertThat(limiter.acquire("token|1.2.3.4")).hasValue(Duration.ofSeconds(50));
        assertThat(limiter.acquire("token|5.6.7.8")).as("another address").isEmpty();

        clock.now = Instant.parse("2026-11-20T10:01:00Z");
        assertThat(limiter.acquire("token|1.2.3.4")).as("a new window").isEmpty();
    }

    @Test
    void theScriptStaysSmall() throws Exception {
        var script = Path.of("src/main/resources/static/beseda-tracker.js");

        assertThat(Files.size(script)).isLessThan(8 * 1024);
        assertThat(Files.readString(script)).doesNotContain("import ", "require(");
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
