package io.beseda.channel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.Identity;

/**
 * A message a customer sent, normalised from whatever the provider's webhook said.
 *
 * @param providerMessageId the provider's id: a redelivered webhook carries the same one and is stored once
 * @param sender            who wrote, as an identity (phone for SMS, Telegram user id, …)
 * @param buttonPayload     the payload of a quick-reply button the customer pressed, if that is what they did
 */
public record InboundMessage(Channel channel, String providerMessageId, Identity sender, @Nullable String senderName,
                             @Nullable String text, List<Attachment> attachments, @Nullable String buttonPayload,
                             Instant sentAt) {

    /** A file the customer sent: a photo of a product to order, of a defect to return. */
    public record Attachment(String url, String mimeType, long size, @Nullable String name) {
    }
}
