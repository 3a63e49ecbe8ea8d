package io.beseda.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The Bot API played by WireMock, with answers shaped as core.telegram.org/bots/api documents them, and Telegram's
 * side of the webhook: updates posted to Beseda with the secret-token header. Every test's bot has its own token, so
 * tests never see each other's calls on the one shared server.
 */
final class TelegramStandIn {

    private static @Nullable WireMockServer server;
    private static final AtomicInteger ids = new AtomicInteger(1000);
    private static final HttpClient http = HttpClient.newHttpClient();

    private TelegramStandIn() {
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static String baseUrl() {
        return "http://localhost:" + server().port();
    }

    static String newToken() {
        return (100_000_000 + Math.abs(UUID.randomUUID().hashCode() % 800_000_000)) + ":AA" + UUID.randomUUID().toString().replace("-", "");
    }

    static int nextId() {
        return ids.incrementAndGet();
    }

    static String path(String token, String method) {
        return "/bot" + token + "/" + method;
    }

    /** Bot API method names are case-insensitive, and the library sends some in lower case ("sendphoto"). */
    static com.github.tomakehurst.wiremock.matching.UrlPattern method(String path) {
        return urlPathMatching("(?i)" + java.util.regex.Pattern.quote(path));
    }

    /** What a healthy bot answers: getMe, and every send with a message of a fresh id in the chat it was sent to. */
    static void healthyBot(String token, String username) {
        var wire = server();
        wire.stubFor(post(method(path(token, "getMe"))).willReturn(okJson("""
                {"ok": true, "result": {"id": %s, "is_bot": true, "first_name": "Магазин", "username": "%s",
                 "can_join_groups": false, "can_read_all_group_messages": false, "supports_inline_queries": false}}"""
                .formatted(token.substring(0, token.indexOf(':')), username))));
        wire.stubFor(post(method(path(token, "setWebhook")))
                .willReturn(okJson("{\"ok\": true, \"result\": true, \"description\": \"Webhook was set\"}")));
        wire.stubFor(post(method(path(token, "sendMessage"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                        {"ok": true, "result": {"message_id": {{randomInt lower=1 upper=2000000000}}, "date": 1764000000,
                         "chat": {"id": {{jsonPath request.body '$.chat_id'}}, "type": "private"},
                         "from": {"id": 1, "is_bot": true, "first_name": "Магазин"}, "text": "…"}}""")));
        for (var method : List.of("sendPhoto", "sendDocument")) {
            wire.stubFor(post(method(path(token, method))).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                            {"ok": true, "result": {"message_id": {{randomInt lower=1 upper=2000000000}}, "date": 1764000000,
                             "chat": {"id": 1, "type": "private"}, "from": {"id": 1, "is_bot": true, "first_name": "Магазин"},
                             "photo": [{"file_id": "AgACAgIAAxkBAAI", "file_unique_id": "AQADAgAT", "width": 90, "height": 90}]}}""")));
        }
    }

    /** A file the customer sent, as getFile describes it and the file server gives it. */
    static void customerFile(String token, String fileId, String filePath, byte[] content) {
        var wire = server();
        wire.stubFor(post(method(path(token, "getFile"))).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.file_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(fileId)))
                .willReturn(okJson("""
                        {"ok": true, "result": {"file_id": "%s", "file_unique_id": "u-%s", "file_size": %d, "file_path": "%s"}}"""
                        .formatted(fileId, fileId, content.length, filePath))));
        wire.stubFor(get(urlPathEqualTo("/file/bot" + token + "/" + filePath)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(content)));
    }

    /** The Bot API's answer to a refused call. */
    static String error(int code, String description, @Nullable Integer retryAfter) {
        return retryAfter == null
                ? "{\"ok\": false, \"error_code\": %d, \"description\": \"%s\"}".formatted(code, description)
                : "{\"ok\": false, \"error_code\": %d, \"description\": \"%s\", \"parameters\": {\"retry_after\": %d}}"
                        .formatted(code, description, retryAfter);
    }

    static List<LoggedRequest> calls(String token, String method) {
        return server().findAll(postRequestedFor(method(path(token, method))));
    }

    /** Telegram posting an update to Beseda's webhook, with the given secret token (none when null). */
    static Response deliver(int port, UUID account, @Nullable String secret, String update) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram/" + account))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update));
            if (secret != null) {
                request.header(TelegramWebhookController.SECRET_HEADER, secret);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {
    }

    /** A private-chat message update; {@code extra} adds fields to the message (photo, location, contact…). */
    static String message(int updateId, long chat, int messageId, @Nullable String text, Map<String, Object> extra) {
        var message = new LinkedHashMap<String, Object>();
        message.put("message_id", messageId);
        message.put("from", user(chat));
        message.put("chat", Map.of("id", chat, "type", "private", "first_name", "Анна", "last_name", "Петрова"));
        message.put("date", 1764000000);
        if (text != null) {
            message.put("text", text);
        }
        message.putAll(extra);
        return json(Map.of("update_id", updateId, "message", message));
    }

    /** A button press under the bot's message {@code messageId}, whose keyboard showed {@code buttons} (title → data). */
    static String buttonPress(int updateId, String queryId, long chat, int messageId, String data, Map<String, String> buttons) {
        var rows = new ArrayList<List<Map<String, String>>>();
        buttons.forEach((title, callback) -> rows.add(List.of(Map.of("text", title, "callback_data", callback))));
        var message = Map.of("message_id", messageId, "from", Map.of("id", 1, "is_bot", true, "first_name", "Магазин"),
                "chat", Map.of("id", chat, "type", "private", "first_name", "Анна"), "date", 1764000000, "text", "Выберите",
                "reply_markup", Map.of("inline_keyboard", rows));
        return json(Map.of("update_id", updateId, "callback_query", Map.of("id", queryId, "from", user(chat), "message", message,
                "chat_instance", "-7330", "data", data)));
    }

    static Map<String, Object> user(long id) {
        return Map.of("id", id, "is_bot", false, "first_name", "Анна", "last_name", "Петрова", "language_code", "ru");
    }

    static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return TelegramApi.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return TelegramApi.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
