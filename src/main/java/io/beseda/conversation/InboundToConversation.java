package io.beseda.conversation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.InboundMessageReceived;
import io.beseda.channel.InboundMessages;

/** Every message a customer writes lands in their thread (idempotently: the inbound id is unique there). */
@Component
class InboundToConversation {

    private final InboundMessages inbound;
    private final Conversations conversations;

    InboundToConversation(InboundMessages inbound, Conversations conversations) {
        this.inbound = inbound;
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(InboundMessageReceived received) {
        inbound.find(received.workspaceId(), received.messageId()).ifPresent(message -> conversations.customerWrote(
                received.workspaceId(), received.customer(), received.accountId(), message.id(), message.channel(), message.sender(),
                message.text() == null ? "" : message.text(), message.sentAt()));
    }
}
