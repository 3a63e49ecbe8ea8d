package io.beseda.channel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;

/**
 * A message to send.
 *
 * @param address        where to (phone, e-mail, messenger id); empty lets the connector use the customer's
 * @param idempotencyKey the sender's key: queuing the same key twice queues one message
 * @param template       a provider-approved template (WhatsApp outside its 24-hour window)
 * @param deadline       how long to keep trying before the message is marked failed
 */
public record OutboundMessage(CustomerId customer, Channel channel, MessageCategory category, String body,
                              @Nullable String address, String idempotencyKey, boolean template, Duration deadline) {

    public OutboundMessage {
        if (body.isBlank()) {
            throw new IllegalArgumentException("An outbound message needs a body");
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("An idempotency key is 1 to 200 characters");
        }
    }
}
