package io.beseda.customer.tracker;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shop's backend vouches for a customer's identities with hex HMAC-SHA256(secret, canonical), where
 * canonical is {@code email=…&phone=…&shopCustomerId=…} of the fields it gives, in that order, with
 * '%', '&' and '=' in values written as %25, %26 and %3D, so that no value can pass for two claims
 * (an e-mail {@code me&phone=+7…} would otherwise sign a stranger's phone). See decision 0005.
 */
final class IdentitySignature {

    /** The identities a shop may sign, in canonical order. */
    static final List<String> FIELDS = List.of("email", "phone", "shopCustomerId");

    private IdentitySignature() {
    }

    static String canonical(Map<String, String> fields) {
        return FIELDS.stream().filter(fields::containsKey).map(f -> f + "=" + escape(fields.get(f)))
                .collect(Collectors.joining("&"));
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
    }

    static String sign(String secret, Map<String, String> fields) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(fields).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String secret, Map<String, String> fields, String signature) {
        if (fields.isEmpty()) {
            return false;
        }
        var expected = sign(secret, fields).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
