package io.beseda.consent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Unsubscribe tokens: {@code base64url(version · workspace · customer · channel · mac)}, where the mac is
 * HMAC-SHA256 over everything before it, cut to 128 bits so a link still fits an SMS. Tokens do not
 * expire: a customer may refuse advertising at any time, also from an old message.
 */
final class UnsubscribeTokens {

    private static final byte VERSION = 1;
    private static final int MAC_LENGTH = 16;
    private static final int MAX_TOKEN_LENGTH = 120;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<byte[]> key;

    UnsubscribeTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    String issue(UnsubscribeTarget target) {
        var channel = target.channel().name().getBytes(StandardCharsets.US_ASCII);
        var payload = ByteBuffer.allocate(1 + 16 + 16 + channel.length)
                .put(VERSION).put(bytes(target.workspaceId().value())).put(bytes(target.customerId().value())).put(channel)
                .array();
        var token = ByteBuffer.allocate(payload.length + MAC_LENGTH).put(payload).put(mac(payload)).array();
        return ENCODER.encodeToString(token);
    }

    /** The target of a genuine token; empty for anything malformed, forged or tampered with. */
    Optional<UnsubscribeTarget> read(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length <= 1 + 32 + MAC_LENGTH || raw[0] != VERSION) {
            return Optional.empty();
        }
        var payload = Arrays.copyOfRange(raw, 0, raw.length - MAC_LENGTH);
        var mac = Arrays.copyOfRange(raw, raw.length - MAC_LENGTH, raw.length);
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        return target(ByteBuffer.wrap(payload, 1, payload.length - 1));
    }

    private static Optional<UnsubscribeTarget> target(ByteBuffer payload) {
        var workspace = new UUID(payload.getLong(), payload.getLong());
        var customer = new UUID(payload.getLong(), payload.getLong());
        var channel = new byte[payload.remaining()];
        payload.get(channel);
        try {
            return Optional.of(new UnsubscribeTarget(new WorkspaceId(workspace), new CustomerId(customer),
                    Channel.valueOf(new String(channel, StandardCharsets.US_ASCII))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(payload), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
