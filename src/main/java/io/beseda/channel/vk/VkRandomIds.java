package io.beseda.channel.vk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.beseda.channel.MessageId;

/**
 * The {@code random_id} of each VK message Beseda sends, derived from Beseda's message id and the part's place in
 * it, so a retry sends the same ids and VK, which refuses to send a {@code random_id} again in a dialogue, does not
 * send a part twice. Positive 31-bit values, as VK's own SDKs use: two messages to one customer colliding would
 * need one chance in two billion.
 */
final class VkRandomIds {

    private VkRandomIds() {
    }

    static int of(MessageId message, int part) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((message.value() + "#" + part).getBytes(StandardCharsets.US_ASCII));
            var id = ByteBuffer.wrap(digest).getInt() & Integer.MAX_VALUE;
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
