package io.beseda.channel.max;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * MAX's Bot API and file hosts, stood in for by one WireMock server per test JVM, answering in the shapes of
 * MAX's OpenAPI schema (dev.max.ru/docs-api) and the stubs of MAX's own Go client. As a JUnit extension it
 * starts before the Spring context, which finds it through {@value #PROPERTY}; the test classes name it in
 * {@code @TestPropertySource}, so they share one context.
 */
final class MaxStandIn implements BeforeAllCallback {

    static final String PROPERTY = "beseda.test.max-stand-in";
    static final long BOT_ID = 229229229L;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static @Nullable WireMockServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            var started = new WireMockServer(wireMockConfig().dynamicPort());
            started.start();
            System.setProperty(PROPERTY, started.baseUrl());
            defaults(started);
            server = started;
        }
        return server;
    }

    static String baseUrl() {
        return server().baseUrl();
    }

    /** What MAX answers when a test has not said otherwise (lowest priority, so a test's own stub wins). */
    private static void defaults(WireMockServer max) {
        max.stubFor(get(urlPathEqualTo("/me")).atPriority(10).willReturn(okJson("""
                {"user_id": 229229229, "first_name": "Магазин Берёзка", "username": "berezka_bot", "is_bot": true,
                 "last_activity_time": 1775026702261, "name": "Магазин Берёзка", "description": "Бот магазина"}""")));
        max.stubFor(post(urlPathEqualTo("/subscriptions")).atPriority(10).willReturn(okJson("{\"success\": true}")));
        for (var type : List.of("image", "file")) {
            max.stubFor(post(urlPathEqualTo("/uploads")).withQueryParam("type", equalTo(type))
                    .atPriority(10).willReturn(okJson("{\"url\": \"" + max.baseUrl() + "/upload.do?type=" + type
                            + "&id={{randomValue length=12 type='ALPHANUMERIC'}}\"}").withTransformers("response-template")));
        }
        max.stubFor(post(urlPathEqualTo("/upload.do")).withQueryParam("type", equalTo("image"))
                .atPriority(10).willReturn(okJson("{\"photos\": {\"{{randomValue length=8 type='NUMERIC'}}\": "
                        + "{\"token\": \"photo-{{randomValue length=24 type='ALPHANUMERIC'}}\"}}}").withTransformers("response-template")));
        max.stubFor(post(urlPathEqualTo("/upload.do")).withQueryParam("type", equalTo("file"))
                .atPriority(10).willReturn(okJson("{\"token\": \"file-{{randomValue length=24 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        max.stubFor(post(urlPathEqualTo("/messages")).atPriority(10).willReturn(okJson("""
                {"message": {"recipient": {"chat_id": 182182182, "chat_type": "dialog", "user_id": {{request.query.user_id}} },
                  "timestamp": 1775026671403,
                  "body": {"mid": "mid.{{randomValue length=32 type='HEXADECIMAL'}}", "seq": 116328147937082782, "text": ""},
                  "sender": {"user_id": 229229229, "first_name": "Магазин Берёзка", "username": "berezka_bot", "is_bot": true,
                             "last_activity_time": 1775026702261, "name": "Магазин Берёзка"}}}""").withTransformers("response-template")));
        max.stubFor(post(urlPathEqualTo("/answers")).atPriority(10).willReturn(okJson("{\"success\": true}")));
    }

    /** Serves a customer's photo as MAX's image host would; answers its URL. */
    static String photo(byte[] content) {
        var path = "/i/" + UUID.randomUUID();
        server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(content)));
        return baseUrl() + path;
    }

    /** The message bodies MAX was asked to post to a user, oldest first. */
    static List<JsonNode> messagesTo(String userId) {
        return events("/messages").stream().filter(e -> e.getRequest().queryParameter("user_id").isPresent()
                        && userId.equals(e.getRequest().queryParameter("user_id").firstValue()))
                .map(e -> JSON.readTree(e.getRequest().getBodyAsString())).toList();
    }

    /** The ids MAX gave the messages it took for a user, oldest first. */
    static List<String> midsTo(String userId) {
        return events("/messages").stream().filter(e -> e.getResponse().getStatus() == 200)
                .filter(e -> e.getRequest().queryParameter("user_id").isPresent()
                        && userId.equals(e.getRequest().queryParameter("user_id").firstValue()))
                .map(e -> JSON.readTree(e.getResponse().getBodyAsString()).path("message").path("body").path("mid").asString()).toList();
    }

    /** The serve events of requests to a path, oldest first. */
    static List<ServeEvent> events(String path) {
        var events = new ArrayList<>(server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path + "?") || e.getRequest().getUrl().equals(path)).toList());
        java.util.Collections.reverse(events);
        return events;
    }

    /** The body of the POST /messages that MAX answered with this message id. */
    static ObjectNode messageWithId(String mid) {
        return (ObjectNode) events("/messages").stream().filter(e -> e.getResponse().getBodyAsString().contains("\"" + mid + "\""))
                .map(e -> JSON.readTree(e.getRequest().getBodyAsString())).findFirst()
                .orElseThrow(() -> new AssertionError("MAX was never asked for message " + mid));
    }

    /** The Content-Type of the file uploaded for this token (what MAX was given), or null. */
    static @Nullable String uploadedType(String token) {
        return events("/upload.do").stream().filter(e -> e.getResponse().getBodyAsString().contains(token))
                .flatMap(e -> e.getRequest().getParts().stream()).filter(part -> "data".equals(part.getName()))
                .map(part -> part.getHeader("Content-Type").firstValue()).findFirst().orElse(null);
    }

    /** The attachments of a message body, by type. */
    static List<JsonNode> attachments(JsonNode body, String type) {
        var found = new ArrayList<JsonNode>();
        body.path("attachments").forEach(a -> {
            if (type.equals(a.path("type").asString(""))) {
                found.add(a);
            }
        });
        return found;
    }

    /** The titles of a message's keyboard, row by row. */
    static List<String> buttonTitles(JsonNode body) {
        var titles = new ArrayList<String>();
        attachments(body, "inline_keyboard").forEach(k -> k.path("payload").path("buttons")
                .forEach(row -> row.forEach(button -> titles.add(button.path("text").asString()))));
        return titles;
    }

    /** Posts an update to Beseda's webhook for the account, with the given secret (or none); answers the status. */
    static HttpResponse<String> webhook(int port, UUID account, String update, @Nullable String secret) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/max/" + account))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update));
            if (secret != null) {
                request.header(MaxWebhookController.SECRET_HEADER, secret);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code message_created} update from a customer in their dialog with the bot, as MAX sends it. */
    static String messageCreated(String mid, String userId, @Nullable String text, List<Map<String, Object>> attachments) {
        var update = JSON.createObjectNode().put("timestamp", 1775053255737L).put("user_locale", "ru").put("update_type", "message_created");
        var message = update.putObject("message");
        message.putObject("recipient").put("chat_id", 182182182L).put("chat_type", "dialog").put("user_id", BOT_ID);
        message.put("timestamp", 1775053255737L);
        var body = message.putObject("body").put("mid", mid).put("seq", 116327994376978687L);
        if (text != null) {
            body.put("text", text);
        }
        if (!attachments.isEmpty()) {
            body.set("attachments", JSON.valueToTree(attachments));
        }
        customer(message.putObject("sender"), userId);
        return JSON.writeValueAsString(update);
    }

    /** A {@code message_callback} update: the customer pressed the button with this title and payload under a bot's message. */
    static String messageCallback(String callbackId, String userId, String title, String payload) {
        var update = JSON.createObjectNode().put("timestamp", 1775026702210L).put("user_locale", "ru").put("update_type", "message_callback");
        var callback = update.putObject("callback").put("timestamp", 1775026702210L).put("callback_id", callbackId).put("payload", payload);
        customer(callback.putObject("user"), userId);
        var message = update.putObject("message");
        message.putObject("recipient").put("chat_id", 182182182L).put("chat_type", "dialog").put("user_id", Long.parseLong(userId));
        message.put("timestamp", 1775026671403L);
        var body = message.putObject("body").put("mid", "mid.000000000adf429c019d47d58f2b3d9e").put("seq", 116328147937082782L)
                .put("text", "Подтвердите заказ");
        var keyboard = body.putArray("attachments").addObject().put("type", "inline_keyboard");
        var rows = keyboard.putObject("payload").putArray("buttons");
        rows.addArray().addObject().put("type", "callback").put("text", title).put("payload", payload).put("intent", "default");
        rows.addArray().addObject().put("type", "callback").put("text", "Позвать оператора").put("payload", "operator").put("intent", "default");
        message.putObject("sender").put("user_id", BOT_ID).put("first_name", "Магазин Берёзка").put("username", "berezka_bot")
                .put("is_bot", true).put("last_activity_time", 1775026702261L).put("name", "Магазин Берёзка");
        return JSON.writeValueAsString(update);
    }

    /** A {@code bot_started} update: the customer opened the bot (pressed «Начать»). */
    static String botStarted(String userId, long timestamp) {
        var update = JSON.createObjectNode().put("timestamp", timestamp).put("chat_id", 182182182L).put("user_id", Long.parseLong(userId))
                .put("user_locale", "ru").put("update_type", "bot_started");
        customer(update.putObject("user"), userId);
        return JSON.writeValueAsString(update);
    }

    private static void customer(ObjectNode user, String userId) {
        user.put("user_id", Long.parseLong(userId)).put("first_name", "Анна").put("last_name", "Смирнова").put("is_bot", false)
                .put("last_activity_time", 1775053249000L).put("name", "Анна Смирнова");
    }
}
