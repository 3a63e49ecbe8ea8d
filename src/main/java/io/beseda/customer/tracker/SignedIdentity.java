package io.beseda.customer.tracker;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The {@code identity} block of a tracker batch as the shop's backend signed it: the identities it
 * vouches for, and whether the signature holds. Only a valid signature makes its identities trusted.
 */
record SignedIdentity(Status status, Map<String, String> fields) {

    enum Status { NONE, VALID, INVALID }

    static final SignedIdentity NONE = new SignedIdentity(Status.NONE, Map.of());

    static SignedIdentity read(JsonNode identity, @Nullable String secret) {
        if (!identity.isObject()) {
            return NONE;
        }
        var fields = new LinkedHashMap<String, String>();
        for (var field : IdentitySignature.FIELDS) {
            var value = identity.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                fields.put(field, value.asString());
            }
        }
        var signature = identity.path("signature");
        var valid = secret != null && signature.isString()
                && IdentitySignature.verify(secret, fields, signature.asString());
        return valid ? new SignedIdentity(Status.VALID, Map.copyOf(fields)) : new SignedIdentity(Status.INVALID, Map.of());
    }

    /** Whether the shop vouched for exactly this value of this field. */
    boolean vouchesFor(String field, String value) {
        return value.equals(fields.get(field));
    }
}
