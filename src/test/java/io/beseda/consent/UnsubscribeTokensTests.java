package io.beseda.consent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTests {

    private static final byte[] KEY = "a-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(() -> KEY);
    private final UnsubscribeTarget target = new UnsubscribeTarget(new WorkspaceId(UUID.randomUUID()),
            new CustomerId(UUID.randomUUID()), Channel.WHATSAPP);

    @Test
    void readsBackWhatItIssued() {
        var token = tokens.issue(target);

        assertThat(tokens.read(token)).contains(target);
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThan(80);
    }

    @Test
    void refusesATokenWithAnyByteChanged() {
        var raw = Base64.getUrlDecoder().decode(tokens.issue(target));
        for (var i = 0; i < raw.length; i++) {
            var tampered = raw.clone();
            tampered[i] ^= 0x01;
            assertThat(tokens.read(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
                    .as("byte " + i + " changed").isEmpty();
        }
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        var forged = new UnsubscribeTokens(() -> "another-key-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8))
                .issue(target);

        assertThat(tokens.read(forged)).isEmpty();
    }

    @Test
    void refusesMalformedTokens() {
        var token = tokens.issue(target);

        assertThat(tokens.read("")).isEmpty();
        assertThat(tokens.read("not base64 at all!")).isEmpty();
        assertThat(tokens.read(token.substring(0, token.length() - 4))).isEmpty();
        assertThat(tokens.read(token + "AAAA")).isEmpty();
        assertThat(tokens.read("A".repeat(5000))).isEmpty();
    }
}
