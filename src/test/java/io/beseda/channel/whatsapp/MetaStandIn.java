package io.beseda.channel.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Meta's Graph API played by WireMock, with the wire format of Meta's WhatsApp Cloud API documentation, and
 * Meta's side of the webhook: deliveries built and signed as Meta signs them.
 */
final class MetaStandIn {

    static final String VERSION = "v23.0";
    static final String APP_SECRET = "meta-app-secret-for-tests";
    static final String VERIFY_TOKEN = "verify-me-please";
    static final String TOKEN = "EAAG-permanent-token";

    private static WireMockServer server;

    private final WireMockServer meta;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    MetaStandIn(JsonMapper json) {
        this.meta = server();
        this.json = json;
    }

    /**
     * One stand-in for the whole test run, so every WhatsApp test context points at the same address; tests keep
     * apart by giving each account a number of its own.
     */
    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    WireMockServer wiremock() {
        return meta;
    }

    /** A WhatsApp account with a number of its own (so tests' stubs and requests never mix). */
    static ChannelAccount connect(ChannelAccounts accounts, WorkspaceId workspace) {
        var phone = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        var waba = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        return accounts.add(workspace, Channel.WHATSAPP, "whatsapp", "WhatsApp магазина", Map.of("phoneNumberId", phone,
                "businessAccountId", waba, "accessToken", TOKEN, "appSecret", APP_SECRET, "verifyToken", VERIFY_TOKEN), 80);
    }

    static String phone(ChannelAccount account) {
        return String.valueOf(account.settings().get("phoneNumberId"));
    }

    static String waba(ChannelAccount account) {
        return String.valueOf(account.settings().get("businessAccountId"));
    }

    /** Every message to any number is accepted with a fresh wamid, as {@code POST /messages} answers. */
    void acceptsMessages() {
        meta.stubFor(post(urlPathMatching("/" + VERSION + "/\\d+/messages")).atPriority(10)
                .willReturn(okJson("""
                        {"messaging_product": "whatsapp",
                         "contacts": [{"input": "{{jsonPath request.body '$.to'}}", "wa_id": "{{jsonPath request.body '$.to'}}"}],
                         "messages": [{"id": "wamid.{{randomValue length=32 type='ALPHANUMERIC'}}"}]}""")
                        .withTransformers("response-template")));
        meta.stubFor(post(urlPathMatching("/" + VERSION + "/\\d+/media")).atPriority(10)
                .willReturn(okJson("{\"id\": \"{{randomValue length=15 type='NUMERIC'}}\"}").withTransformers("response-template")));
    }

    /** The file behind a customer's media id: its URL ({@code GET /{media-id}}), downloadable with the token only. */
    void holdsMedia(String mediaId, byte[] content, String mimeType) {
        var url = meta.baseUrl() + "/whatsapp_business/attachments/" + mediaId;
        meta.stubFor(get(urlPathEqualTo("/" + VERSION + "/" + mediaId)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(json.writeValueAsString(Map.of("messaging_product", "whatsapp", "url", url, "mime_type", mimeType,
                        "sha256", "abc", "file_size", content.length, "id", mediaId)))));
        meta.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/" + mediaId)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", mimeType).withBody(content)));
    }

    /** What Beseda asked {@code POST /messages} to send for one of its messages, in order. */
    List<JsonNode> sentFor(MessageId message) {
        var sent = new ArrayList<JsonNode>();
        for (var event : events()) {
            var request = event.getRequest();
            if ("POST".equals(request.getMethod().getName()) && request.getUrl().endsWith("/messages")) {
                var body = json.readTree(request.getBodyAsString());
                if (message.toString().equals(body.path("biz_opaque_callback_data").asString(""))) {
                    sent.add(body);
                }
            }
        }
        return sent;
    }

    /** The media type Beseda declared when it uploaded the file WhatsApp gave this id. */
    String uploadedType(String mediaId) {
        for (var event : events()) {
            var request = event.getRequest();
            if (request.getUrl().endsWith("/media") && event.getResponse().getBodyAsString().contains("\"" + mediaId + "\"")) {
                return request.getPart("type").getBody().asString();
            }
        }
        throw new AssertionError("No upload answered with media id " + mediaId);
    }

    /** The serve events in the order they came (WireMock lists the newest first). */
    private List<ServeEvent> events() {
        var events = new ArrayList<>(meta.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    // --- Meta's side of the webhook ---

    /** A {@code messages} change for the account's number, as Meta delivers it. */
    Map<String, Object> change(ChannelAccount account, Map<String, Object> value) {
        var full = new LinkedHashMap<String, Object>();
        full.put("messaging_product", "whatsapp");
        full.put("metadata", Map.of("display_phone_number", "79000000000", "phone_number_id", phone(account)));
        full.putAll(value);
        return Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", waba(account),
                "changes", List.of(Map.of("field", "messages", "value", full)))));
    }

    /** Customer messages from {@code from} (named {@code name}), each as Meta writes it ({@code id}, {@code type}, …). */
    Map<String, Object> messages(ChannelAccount account, String from, String name, List<Map<String, Object>> messages) {
        return change(account, Map.of("contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", from)),
                "messages", messages));
    }

    static Map<String, Object> message(String id, String from, String type, Map<String, Object> content) {
        return message(id, from, type, content, Instant.now());
    }

    static Map<String, Object> message(String id, String from, String type, Map<String, Object> content, Instant at) {
        var message = new LinkedHashMap<String, Object>();
        message.put("from", from);
        message.put("id", id);
        message.put("timestamp", String.valueOf(at.getEpochSecond()));
        message.put("type", type);
        message.put(type, content);
        return message;
    }

    Map<String, Object> status(ChannelAccount account, String wamid, String status) {
        return change(account, Map.of("statuses", List.of(Map.of("id", wamid, "status", status,
                "timestamp", String.valueOf(Instant.now().getEpochSecond()), "recipient_id", "79051234567"))));
    }

    /** Posts to the account's webhook, signed with {@code secret} (null: no signature header). */
    HttpResponse<String> deliver(int port, ChannelAccount account, byte[] body, String secret) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp/" + account.id()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Hub-Signature-256", "sha256=" + Signatures.sign(secret, body));
        }
        return send(request.build());
    }

    HttpResponse<String> deliver(int port, ChannelAccount account, Map<String, Object> delivery) {
        return deliver(port, account, json.writeValueAsString(delivery).getBytes(StandardCharsets.UTF_8), APP_SECRET);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String wamid() {
        return "wamid." + UUID.randomUUID().toString().replace("-", "");
    }
}
