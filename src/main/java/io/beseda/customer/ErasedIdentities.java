package io.beseda.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Erased customers' identities survive only as SHA-256 hashes, enough to recognise and drop their events. */
final class ErasedIdentities {

    private ErasedIdentities() {
    }

    /** {@code KIND:sha256(value)}, the form stored in {@code erased_identity}. */
    static String hash(Identity identity) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(identity.value().getBytes(StandardCharsets.UTF_8));
            return identity.kind().name() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
