package io.beseda.channel;

import java.time.Duration;
import java.util.List;

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
 * @param quickReplies   buttons under the message (a CSAT scale, "Позвать оператора")
 * @param attachments    files sent with it (kept by {@link Attachments})
 * @param subject        an e-mail's subject or a push notification's title; null leaves it to the connector
 */
public record OutboundMessage(CustomerId customer, Channel channel, MessageCategory category, String body,
                              @Nullable String address, String idempotencyKey, boolean template, Duration deadline,
                              List<QuickReply> quickReplies, List<Attachment> attachments, @Nullable String subject) {

    public OutboundMessage(CustomerId customer, Channel channel, MessageCategory category, String body,
                           @Nullable String address, String idempotencyKey, boolean template, Duration deadline) {
        this(customer, channel, category, body, address, idempotencyKey, template, deadline, List.of(), List.of(), null);
    }

    public OutboundMessage(CustomerId customer, Channel channel, MessageCategory category, String body,
                           @Nullable String address, String idempotencyKey, boolean template, Duration deadline,
                           List<QuickReply> quickReplies, List<Attachment> attachments) {
        this(customer, channel, category, body, address, idempotencyKey, template, deadline, quickReplies, attachments, null);
    }

    /** Longer subjects are cut by mail clients and push screens anyway. */
    public static final int MAX_SUBJECT = 300;

    public OutboundMessage {
        quickReplies = List.copyOf(quickReplies);
        attachments = List.copyOf(attachments);
        if (quickReplies.size() > 10) {
            throw new IllegalArgumentException("A message carries at most 10 quick replies");
        }
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A subject is at most " + MAX_SUBJECT + " characters");
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("An outbound message needs a body");
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("An idempotency key is 1 to 200 characters");
        }
    }
}
