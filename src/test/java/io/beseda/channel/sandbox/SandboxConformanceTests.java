package io.beseda.channel.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox speaks a messenger's way (signed JSON webhooks, receipts) and passes the connector kit. */
@BesedaTest
class SandboxConformanceTests extends ConnectorConformance {

    private static final String SECRET = "sandbox-webhook-secret";

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return accounts.add(workspace, Channel.TELEGRAM, "sandbox", "Песочница Telegram", Map.of("webhookSecret", SECRET), 30);
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        var event = new LinkedHashMap<String, Object>();
        event.put("type", "message");
        event.put("id", message.providerMessageId());
        event.put("from", message.from());
        event.put("text", message.text());
        event.put("button", message.buttonPayload());
        if (message.photo() != null) {
            event.put("files", List.of(Map.of("name", "photo.png", "base64", Base64.getEncoder().encodeToString(message.photo()))));
        }
        return post(account, json.writeValueAsString(event), signedCorrectly ? SECRET : "not-the-secret");
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        return jdbc.sql("select body, quick_replies, attachments from sandbox_message where workspace_id = ? and message_id = ?")
                .params(account.workspaceId().value(), message.value())
                .query((row, n) -> new ProviderCopy(row.getString("body"),
                        json.readTree(row.getString("quick_replies")).valueStream().map(b -> b.get("title").asString()).toList(),
                        json.readTree(row.getString("attachments")).valueStream().map(a -> a.get("mimeType").asString()).toList()))
                .single();
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        return post(account, json.writeValueAsString(Map.of("type", "receipt", "messageId", providerMessageId, "status", status.name())),
                SECRET);
    }

    private int post(ChannelAccount account, String body, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sandbox/" + account.id()))
                    .header("Content-Type", "application/json").header("X-Sandbox-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (java.io.IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
