package io.beseda.channel.viber;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.WebhookSignatures;

/**
 * Viber signs every callback: {@code X-Viber-Content-Signature} is the hex HMAC-SHA256 of the raw body, keyed
 * with the bot's auth token. Checked on the bytes as they came, before anything reads them, in constant time.
 */
final class ViberSignature {

    static final String HEADER = "X-Viber-Content-Signature";

    private ViberSignature() {
    }

    static String of(String token, byte[] body) {
        return WebhookSignatures.hmacSha256Hex(token, body);
    }

    static boolean matches(String token, byte[] body, @Nullable String signature) {
        return WebhookSignatures.matchesHex(token, body, signature);
    }
}
