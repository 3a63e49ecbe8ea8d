package io.beseda.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The hex HMAC-SHA256 of a webhook's raw body that providers sign with (Meta, Viber, the sandbox), and its check
 * in constant time, so a wrong signature takes as long to refuse whatever its first wrong character. Each provider's
 * webhook says which header carries it and what stands before the hex.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String hmacSha256Hex(String key, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code givenHex} (either case, surrounding spaces ignored) is the body's signature with {@code key}. */
    public static boolean matchesHex(String key, byte[] body, @Nullable String givenHex) {
        if (givenHex == null || givenHex.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256Hex(key, body).getBytes(StandardCharsets.US_ASCII),
                givenHex.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
