package io.beseda.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** A Telegram bot, with WireMock as the Bot API, passes the connector kit. */
@BesedaTest
class TelegramConformanceTests extends ConnectorConformance implements UsesTelegramStandIn {

    private static final String SECRET = "telegram-webhook-secret-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JsonMapper json;

    private String token;

    /** The kit's id of what the customer sent → the id Telegram's message or button press is stored under. */
    private final Map<String, String> storedIds = new ConcurrentHashMap<>();

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        token = TelegramStandIn.newToken();
        TelegramStandIn.healthyBot(token, "shop_bot");
        return accounts.add(workspace, Channel.TELEGRAM, "telegram", "Бот магазина",
                Map.of("botToken", token, "webhookSecret", SECRET), 30);
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        var chat = Long.parseLong(message.from());
        String update;
        if (message.buttonPayload() != null) {
            storedIds.put(message.providerMessageId(), "callback:" + message.providerMessageId());
            update = TelegramStandIn.buttonPress(idOf(message), message.providerMessageId(), chat, TelegramStandIn.nextId(),
                    message.buttonPayload(), Map.of(message.text(), message.buttonPayload()));
        } else {
            var messageId = storedIds.containsKey(message.providerMessageId())
                    ? Integer.parseInt(storedIds.get(message.providerMessageId()).split(":")[1]) : TelegramStandIn.nextId();
            storedIds.put(message.providerMessageId(), chat + ":" + messageId);
            Map<String, Object> extra = Map.of();
            if (message.photo() != null) {
                var fileId = "AgACAgIAAxkBAAIB" + messageId;
                TelegramStandIn.customerFile(token, fileId, "photos/file_" + messageId + ".png", message.photo());
                extra = Map.of("caption", message.text(), "photo", List.of(
                        Map.of("file_id", fileId + "-s", "file_unique_id", "s" + messageId, "width", 90, "height", 90, "file_size", 1200),
                        Map.of("file_id", fileId, "file_unique_id", "m" + messageId, "width", 320, "height", 320, "file_size", 16)));
                TelegramStandIn.customerFile(token, fileId + "-s", "photos/file_" + messageId + "_s.png", new byte[] {1, 2, 3});
            }
            update = TelegramStandIn.message(idOf(message), chat, messageId, message.photo() == null ? message.text() : null, extra);
        }
        return TelegramStandIn.deliver(port, account.id(), signedCorrectly ? SECRET : "not-the-secret-of-this-bot", update).status();
    }

    /** A redelivered update carries the same update_id. */
    private static int idOf(CustomerSends message) {
        return Math.abs(message.providerMessageId().hashCode() % 1_000_000_000);
    }

    @Override
    protected String storedId(String providerMessageId) {
        return storedIds.get(providerMessageId);
    }

    @Override
    protected boolean reportsReceipts() {
        return false;
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        throw new UnsupportedOperationException("The Bot API reports no delivery or read receipts");
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var chat = jdbc.sql("select address from outbound_message where id = ?").param(message.value()).query(String.class).single();
        var text = new StringBuilder();
        var titles = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (var request : TelegramStandIn.calls(token, "sendMessage")) {
            var body = json.readTree(request.getBodyAsString());
            if (body.get("chat_id").asString().equals(chat)) {
                text.append(body.get("text").asString());
                titles.addAll(titles(body.get("reply_markup")));
            }
        }
        for (var request : TelegramStandIn.calls(token, "sendPhoto")) {
            if (part(request, "chat_id").equals(chat)) {
                text.append(part(request, "caption"));
                titles.addAll(titles(json.readTree(part(request, "reply_markup"))));
                var attach = part(request, "photo").substring("attach://".length());
                var bytes = request.getPart(attach).getBody().asBytes();
                types.add(bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G' ? "image/png" : "unknown");
            }
        }
        return new ProviderCopy(text.toString(), titles, types);
    }

    private static String part(LoggedRequest request, String name) {
        var part = request.getPart(name);
        return part == null ? "" : part.getBody().asString();
    }

    private static List<String> titles(tools.jackson.databind.@org.jspecify.annotations.Nullable JsonNode markup) {
        if (markup == null || markup.isMissingNode() || markup.isNull()) {
            return List.of();
        }
        var titles = new ArrayList<String>();
        markup.get("inline_keyboard").forEach(row -> row.forEach(button -> titles.add(button.get("text").asString())));
        return titles;
    }
}
