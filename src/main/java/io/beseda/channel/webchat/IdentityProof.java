package io.beseda.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shop's backend vouches for a signed-in customer with hex HMAC-SHA256(identity secret, shopCustomerId).
 * The secret never reaches the page, so a visitor cannot sign somebody else's id and read their chat.
 */
final class IdentityProof {

    private IdentityProof() {
    }

    static String sign(String secret, String shopCustomerId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(shopCustomerId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String secret, String shopCustomerId, String signature) {
        var expected = sign(secret, shopCustomerId).getBytes(StandardCharsets.US_ASCII);
        var given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
