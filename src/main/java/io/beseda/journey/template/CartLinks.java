package io.beseda.journey.template;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.WebhookUrls;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Cart links in journeys' messages: {@code <public-url>/r/<token>}, where the token is
 * {@code base64url(version · workspace · customer · run · step · mac)} and the mac an HMAC-SHA256 of what precedes
 * it, cut to 128 bits. Nothing is stored per link: a genuine token is its own authority (like unsubscribe links,
 * decision 0008), so links work on every node, after restarts, and cannot be forged or enumerated. The key is
 * generated once and kept in {@code installation_secret} under its own name.
 */
@Component
class CartLinks {

    /** Previews name this run: their links restore the cart but count no click. */
    static final UUID PREVIEW_RUN = new UUID(0, 0);

    record Target(WorkspaceId workspace, CustomerId customer, UUID runId, String stepId) {

        boolean preview() {
            return PREVIEW_RUN.equals(runId);
        }
    }

    private static final String KEY_NAME = "journey-cart-links";
    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    private static final int MAX_STEP_BYTES = 100;
    private static final int IDS = 48;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final String base;
    private final io.beseda.shared.InstallationSecrets secrets;

    CartLinks(JdbcClient jdbc, io.beseda.shared.InstallationSecrets secrets, WebhookUrls urls) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.base = urls.base();
    }

    String url(Target target) {
        return base + "/r/" + token(target);
    }

    String token(Target target) {
        var step = target.stepId().getBytes(StandardCharsets.UTF_8);
        if (step.length == 0 || step.length > MAX_STEP_BYTES) {
            throw new IllegalArgumentException("A step id is 1 to " + MAX_STEP_BYTES + " bytes");
        }
        var payload = ByteBuffer.allocate(1 + IDS + step.length).put(VERSION)
                .putLong(target.workspace().value().getMostSignificantBits()).putLong(target.workspace().value().getLeastSignificantBits())
                .putLong(target.customer().value().getMostSignificantBits()).putLong(target.customer().value().getLeastSignificantBits())
                .putLong(target.runId().getMostSignificantBits()).putLong(target.runId().getLeastSignificantBits())
                .put(step).array();
        return ENCODER.encodeToString(ByteBuffer.allocate(payload.length + MAC_LENGTH).put(payload).put(mac(payload)).array());
    }

    /** What a genuine token names; empty for anything malformed, forged or tampered with. */
    Optional<Target> read(String token) {
        if (token.isEmpty() || token.length() > 4 * (1 + IDS + MAX_STEP_BYTES + MAC_LENGTH) / 3 + 4) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length <= 1 + IDS + MAC_LENGTH || raw[0] != VERSION) {
            return Optional.empty();
        }
        var payload = Arrays.copyOfRange(raw, 0, raw.length - MAC_LENGTH);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, raw.length - MAC_LENGTH, raw.length), mac(payload))) {
            return Optional.empty();
        }
        var ids = ByteBuffer.wrap(payload, 1, IDS);
        var step = new String(payload, 1 + IDS, payload.length - 1 - IDS, StandardCharsets.UTF_8);
        return Optional.of(new Target(new WorkspaceId(new UUID(ids.getLong(), ids.getLong())),
                new CustomerId(new UUID(ids.getLong(), ids.getLong())), new UUID(ids.getLong(), ids.getLong()), step));
    }

    private byte[] mac(byte[] payload) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(payload), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

}
