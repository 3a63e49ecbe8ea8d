package io.beseda.channel.viber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Viber signs every callback: {@code X-Viber-Content-Signature} is the hex HMAC-SHA256 of the raw body, keyed
 * with the bot's auth token. Checked on the bytes as they came, before anything reads them.
 */
final class ViberSignature {

    static final String HEADER = "X-Viber-Content-Signature";

    private ViberSignature() {
    }

    static String of(String token, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In constant time: a wrong signature takes as long to refuse whatever its first wrong character. */
    static boolean matches(String token, byte[] body, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(of(token, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
