package io.beseda.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.WebhookSignatures;

/**
 * Meta signs every webhook with the app's secret: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the
 * raw body>}. Checked on the bytes as they came, before anything parses them, in constant time.
 */
final class Signatures {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private Signatures() {
    }

    static boolean valid(String appSecret, byte[] body, @Nullable String header) {
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && WebhookSignatures.matchesHex(appSecret, body, header.substring(PREFIX.length()));
    }

    static String sign(String appSecret, byte[] body) {
        return WebhookSignatures.hmacSha256Hex(appSecret, body);
    }

    /** Constant-time equality of two strings (the verify token). */
    static boolean same(String expected, @Nullable String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
