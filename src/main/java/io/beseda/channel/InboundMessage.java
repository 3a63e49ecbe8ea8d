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
 * @param location          a point the customer shared (to find the nearest store)
 * @param contact           a phone card the customer shared
 */
public record InboundMessage(Channel channel, String providerMessageId, Identity sender, @Nullable String senderName,
                             @Nullable String text, List<Attachment> attachments, @Nullable String buttonPayload,
                             @Nullable Location location, @Nullable Contact contact, Instant sentAt) {

    public InboundMessage {
        attachments = List.copyOf(attachments);
    }

    public InboundMessage(Channel channel, String providerMessageId, Identity sender, @Nullable String senderName,
                          @Nullable String text, List<Attachment> attachments, @Nullable String buttonPayload, Instant sentAt) {
        this(channel, providerMessageId, sender, senderName, text, attachments, buttonPayload, null, null, sentAt);
    }

    /** A point on the map, with the provider's label for it when there is one. */
    public record Location(double latitude, double longitude, @Nullable String label) {
    }

    /** A contact card: a phone number and the name on it. */
    public record Contact(String phone, @Nullable String name) {
    }
}
