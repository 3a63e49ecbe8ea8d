package io.beseda.conversation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.InboundMessageReceived;
import io.beseda.channel.InboundMessages;

/**
 * Every message a customer writes lands in their thread (idempotently: the inbound id is unique there), in
 * the transaction that stores it: a message is never taken in without its place in the thread, and taking
 * it in costs one transaction, not three (decision 0015). Should the thread fail, the message is refused
 * and the channel asks again, as it does for any failed write.
 */
@Component
class InboundToConversation {

    private final InboundMessages inbound;
    private final Conversations conversations;
    private final CsatRequests csat;

    InboundToConversation(InboundMessages inbound, Conversations conversations, CsatRequests csat) {
        this.inbound = inbound;
        this.conversations = conversations;
        this.csat = csat;
    }

    /** A CSAT rating (a pressed button, or a bare 1–5 right after the question) is stored and does not reopen the thread. */
    @EventListener
    void on(InboundMessageReceived received) {
        inbound.find(received.workspaceId(), received.messageId()).ifPresent(message -> {
            var rating = csat.recordIfRating(received.workspaceId(), received.customer(), received.accountId(),
                    message.buttonPayload(), message.text());
            conversations.customerWrote(received.workspaceId(), received.customer(), received.accountId(), message.id(),
                    message.channel(), message.sender(), message.text() == null ? "" : message.text(), message.sentAt(), !rating);
        });
    }
}
