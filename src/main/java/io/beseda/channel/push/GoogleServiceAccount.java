package io.beseda.channel.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google service account key file as Firebase hands it out, and the OAuth 2.0 JWT-bearer assertion
 * (RFC 7523, RS256) Beseda signs with it to ask Google's token endpoint for an access token.
 */
record GoogleServiceAccount(String clientEmail, @Nullable String privateKeyId, PrivateKey privateKey, String tokenUri,
                            @Nullable String projectId) {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

    /** @throws IllegalArgumentException naming what is wrong with the file, never quoting the key */
    static GoogleServiceAccount parse(String text, JsonMapper json) {
        Map<?, ?> file;
        try {
            file = json.readValue(text, Map.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the service account key is not JSON");
        }
        if (!"service_account".equals(file.get("type"))) {
            throw new IllegalArgumentException("the JSON is not a service account key (\"type\" must be \"service_account\")");
        }
        var email = text(file, "client_email");
        var pem = text(file, "private_key");
        if (email == null || pem == null) {
            throw new IllegalArgumentException("the service account key has no client_email or private_key");
        }
        var tokenUri = text(file, "token_uri");
        return new GoogleServiceAccount(email, text(file, "private_key_id"), rsaKey(pem),
                tokenUri == null ? DEFAULT_TOKEN_URI : tokenUri, text(file, "project_id"));
    }

    /** The signed assertion for {@code audience} (the token endpoint), valid for an hour from {@code now}. */
    String assertion(String audience, Instant now, JsonMapper json) {
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (privateKeyId != null) {
            header.put("kid", privateKeyId);
        }
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", clientEmail);
        claims.put("scope", SCOPE);
        claims.put("aud", audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        var signed = b64.encodeToString(json.writeValueAsBytes(header)) + "." + b64.encodeToString(json.writeValueAsBytes(claims));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the service account key", e);
        }
    }

    private static PrivateKey rsaKey(String pem) {
        var body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the private_key of the service account key is not a PKCS#8 RSA key");
        }
    }

    private static @Nullable String text(Map<?, ?> file, String name) {
        return file.get(name) instanceof String value && !value.isBlank() ? value : null;
    }

    @Override
    public String toString() {
        return "GoogleServiceAccount[" + clientEmail + "]";
    }
}
