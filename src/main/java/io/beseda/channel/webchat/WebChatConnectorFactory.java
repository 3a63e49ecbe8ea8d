package io.beseda.channel.webchat;

import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat's provider: a message is pushed to the visitor's open widgets on this node. A visitor who
 * is away still gets it: it is SENT (the outbox row is the mailbox) and the widget shows it from the
 * history on the next visit. When it reached an open widget it is also DELIVERED, once SENT is committed.
 */
@Component
class WebChatConnectorFactory implements ChannelConnectorFactory {

    private final WebChatSessions sessions;
    private final WebChatReceipts receipts;
    private final JsonMapper json;

    WebChatConnectorFactory(WebChatSessions sessions, WebChatReceipts receipts, JsonMapper json) {
        this.sessions = sessions;
        this.receipts = receipts;
        this.json = json;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return WebChatSettings.class;
    }

    @Override
    public String provider() {
        return WebChatAccounts.PROVIDER;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return this::push;
    }

    private SendResult push(Delivery delivery) {
        var frame = json.writeValueAsString(ServerFrames.Message.out(delivery.messageId().toString(), delivery.body(),
                delivery.attachments(), delivery.quickReplies(), java.time.Instant.now()));
        var visitor = delivery.address() == null ? "" : delivery.address();
        var reached = 0;
        for (var session : sessions.of(delivery.workspaceId(), visitor, delivery.customer())) {
            if (session.send(frame)) {
                reached++;
            }
        }
        if (reached > 0) {
            receipts.pushed(delivery.messageId());
        }
        return new SendResult.Sent(WebChatReceipts.providerMessageId(delivery.messageId()));
    }
}
