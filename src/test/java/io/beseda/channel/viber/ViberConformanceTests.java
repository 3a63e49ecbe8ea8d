package io.beseda.channel.viber;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Viber connector passes the connector kit against WireMock speaking Viber's REST Bot API. The kit names
 * customers' messages by ids like "photo-1", so its callbacks carry them as {@code message_token} strings
 * (Viber's are numbers, which {@link ViberConnectorTests} uses); receipts carry the numeric tokens Viber gave.
 */
@BesedaTest
@Import(ViberStandIn.class)
class ViberConformanceTests extends ConnectorConformance {

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void viberAnswers() {
        ViberStandIn.answersAsViber();
    }

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return accounts.add(workspace, Channel.VIBER, ViberConnectorFactory.PROVIDER, "Viber-бот магазина",
                Map.of("authToken", ViberStandIn.TOKEN, "botName", "Магазин у дома"), 30);
    }

    @Override
    protected String sender() {
        return ViberStandIn.userId();
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        var content = new LinkedHashMap<String, Object>();
        if (message.photo() != null) {
            content.put("type", "picture");
            content.put("text", message.text() == null ? "" : message.text());
            content.put("media", ViberStandIn.media(message.providerMessageId() + ".png", message.photo()));
            content.put("file_name", "photo.png");
            content.put("size", message.photo().length);
        } else if (message.buttonPayload() != null) {
            // a keyboard button: Viber sends its ActionBody as the text, with the tracking_data we sent the keyboard with
            content.put("type", "text");
            content.put("text", message.buttonPayload());
            content.put("tracking_data", json.writeValueAsString(Map.of("m", "earlier-message",
                    "b", Map.of(message.buttonPayload(), message.text()))));
        } else {
            content.put("type", "text");
            content.put("text", message.text());
        }
        var event = Map.of("event", "message", "timestamp", System.currentTimeMillis(), "chat_hostname", "SN-CHAT-01_",
                "message_token", message.providerMessageId(),
                "sender", Map.of("id", message.from(), "name", "Анна Смирнова", "language", "ru", "country", "RU", "api_version", 10),
                "message", content, "silent", false);
        return ViberStandIn.callback(port, account.id(), json.writeValueAsString(event),
                signedCorrectly ? ViberStandIn.TOKEN : "a-token-of-another-bot").statusCode();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var text = new StringBuilder();
        var buttons = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (var sent : ViberStandIn.sentMessages(json, message.value())) {
            switch (sent.path("type").asString()) {
                case "text" -> text.append(sent.path("text").asString());
                case "picture", "file" -> types.add(attachments.fromUrl(account.workspaceId(), sent.path("media").asString())
                        .orElseThrow().mimeType());
                default -> throw new AssertionError("Unexpected Viber message " + sent);
            }
            sent.path("keyboard").path("Buttons").forEach(button -> buttons.add(button.path("Text").asString()));
        }
        return new ProviderCopy(text.toString(), buttons, types);
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        var event = Map.of("event", status == MessageStatus.READ ? "seen" : "delivered", "timestamp", System.currentTimeMillis(),
                "chat_hostname", "SN-CHAT-02_", "message_token", new BigInteger(providerMessageId), "user_id", "3SQNc4FPUQmysaM/AQEhXg==");
        return ViberStandIn.callback(port, account.id(), json.writeValueAsString(event), ViberStandIn.TOKEN).statusCode();
    }
}
