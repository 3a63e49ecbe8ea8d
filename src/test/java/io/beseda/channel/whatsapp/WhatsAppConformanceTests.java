package io.beseda.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** The WhatsApp connector passes the connector kit against Meta's Graph API played by WireMock. */
@BesedaTest
class WhatsAppConformanceTests extends ConnectorConformance {

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("beseda.channel.whatsapp.base-url", () -> MetaStandIn.server().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JsonMapper json;

    private MetaStandIn meta;

    @BeforeEach
    void metaAnswers() {
        meta = new MetaStandIn(json);
        meta.acceptsMessages();
    }

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return MetaStandIn.connect(accounts, workspace);
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        Map<String, Object> sent;
        if (message.photo() != null) {
            var mediaId = "media-" + message.providerMessageId();
            meta.holdsMedia(mediaId, message.photo(), "image/png");
            sent = MetaStandIn.message(message.providerMessageId(), message.from(), "image",
                    Map.of("id", mediaId, "mime_type", "image/png", "sha256", "abc", "caption", String.valueOf(message.text())));
        } else if (message.buttonPayload() != null) {
            sent = MetaStandIn.message(message.providerMessageId(), message.from(), "interactive", Map.of("type", "button_reply",
                    "button_reply", Map.of("id", message.buttonPayload(), "title", String.valueOf(message.text()))));
        } else {
            sent = MetaStandIn.message(message.providerMessageId(), message.from(), "text", Map.of("body", String.valueOf(message.text())));
        }
        var body = json.writeValueAsString(meta.messages(account, message.from(), "Покупатель", List.of(sent)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return meta.deliver(port, account, body, signedCorrectly ? MetaStandIn.APP_SECRET : "not-the-app-secret").statusCode();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var text = new StringBuilder();
        var buttons = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (var sent : meta.sentFor(message)) {
            switch (sent.path("type").asString()) {
                case "text" -> text.append(sent.path("text").path("body").asString());
                case "image", "document" -> {
                    var media = sent.path(sent.path("type").asString());
                    text.append(media.path("caption").asString(""));
                    types.add(meta.uploadedType(media.path("id").asString()));
                }
                case "interactive" -> {
                    var interactive = sent.path("interactive");
                    text.append(interactive.path("body").path("text").asString());
                    if (interactive.path("header").path("type").asString("").equals("image")) {
                        types.add(meta.uploadedType(interactive.path("header").path("image").path("id").asString()));
                    }
                    interactive.path("action").path("buttons").forEach(b -> buttons.add(b.path("reply").path("title").asString()));
                    interactive.path("action").path("sections").forEach(s -> s.path("rows").forEach(r -> buttons.add(r.path("title").asString())));
                }
                default -> throw new AssertionError("Unexpected message type in " + sent);
            }
        }
        return new ProviderCopy(text.toString(), buttons, types);
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        return meta.deliver(port, account, meta.status(account, providerMessageId, status.name().toLowerCase())).statusCode();
    }
}
