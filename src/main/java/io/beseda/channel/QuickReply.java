package io.beseda.channel;

/**
 * A button under a message; pressing it sends {@code payload} back as the customer's answer
 * ({@link InboundMessage#buttonPayload()}), and {@code title} is what they see and what their message says.
 */
public record QuickReply(String title, String payload) {

    public QuickReply {
        if (title.isBlank() || title.length() > 64) {
            throw new IllegalArgumentException("A quick reply's title is 1 to 64 characters");
        }
        if (payload.isBlank() || payload.length() > 256) {
            throw new IllegalArgumentException("A quick reply's payload is 1 to 256 characters");
        }
    }
}
