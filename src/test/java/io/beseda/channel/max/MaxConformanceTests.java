package io.beseda.channel.max;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;

/** The MAX connector against a stand-in of MAX's Bot API passes the connector kit. */
@ExtendWith(MaxStandIn.class)
@BesedaTest
@TestPropertySource(properties = "beseda.channel.max.base-url=${" + MaxStandIn.PROPERTY + "}")
class MaxConformanceTests extends ConnectorConformance {

    static final String SECRET = "max-webhook-secret-1";

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return accounts.add(workspace, Channel.MAX, MaxConnectorFactory.PROVIDER, "Бот в MAX",
                Map.of("accessToken", "token-" + UUID.randomUUID(), "webhookSecret", SECRET), 10);
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        String update;
        if (message.buttonPayload() != null) {
            update = MaxStandIn.messageCallback(message.providerMessageId(), message.from(), String.valueOf(message.text()),
                    message.buttonPayload());
        } else {
            List<Map<String, Object>> attachments = message.photo() == null ? List.of() : List.of(Map.of("type", "image",
                    "payload", Map.of("photo_id", 4484450835L, "token", "r8MRvzDqRDVaw59SP", "url", MaxStandIn.photo(message.photo()))));
            update = MaxStandIn.messageCreated(message.providerMessageId(), message.from(), message.text(), attachments);
        }
        return MaxStandIn.webhook(port, account.id(), update, signedCorrectly ? SECRET : "not-the-secret").statusCode();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var mid = jdbc.sql("select provider_message_id from outbound_message where id = ?").param(message.value())
                .query(String.class).single();
        var body = MaxStandIn.messageWithId(mid);
        var types = MaxStandIn.attachments(body, "image").stream()
                .map(image -> MaxStandIn.uploadedType(image.path("payload").path("token").asString())).toList();
        return new ProviderCopy(body.path("text").asString(), MaxStandIn.buttonTitles(body), types);
    }

    @Override
    protected boolean reportsReceipts() {
        return false;
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        throw new UnsupportedOperationException("MAX's Bot API tells a bot neither delivery nor reading");
    }
}
