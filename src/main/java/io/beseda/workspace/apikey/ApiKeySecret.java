package io.beseda.workspace.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret part of a key: {@code bsd_} and 43 URL-safe characters (256 random bits). Being random and
 * long, a plain SHA-256 of it is enough to store; no slow hash is needed and lookups stay one index probe.
 */
final class ApiKeySecret {

    static final String MARKER = "bsd_";
    private static final int PREFIX_LENGTH = MARKER.length() + 8;
    private static final SecureRandom random = new SecureRandom();

    private ApiKeySecret() {
    }

    static String generate() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String secret) {
        return secret.startsWith(MARKER) && secret.length() == MARKER.length() + 43
                && secret.substring(MARKER.length()).chars().allMatch(ApiKeySecret::urlSafe);
    }

    static String prefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean urlSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
