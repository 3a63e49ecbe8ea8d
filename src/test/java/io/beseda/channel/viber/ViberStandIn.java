package io.beseda.channel.viber;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Viber's REST Bot API played by WireMock, answering as Viber's documentation shows, and a customer's phone
 * that posts Viber's callbacks to Beseda, signed with a bot's token. One stand-in for every Viber test class
 * (they share one application context, which points {@code beseda.channel.viber.base-url} at it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ViberStandIn {

    static final String TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";

    private static WireMockServer server;

    static synchronized WireMockServer viber() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Bean
    DynamicPropertyRegistrar viberBaseUrl() {
        return registry -> registry.add("beseda.channel.viber.base-url", () -> viber().baseUrl());
    }

    /** Viber as it answers a bot whose token is {@link #TOKEN}: every message taken, with a fresh message_token. */
    static void answersAsViber() {
        var viber = viber();
        viber.resetAll();
        viber.stubFor(post(urlEqualTo("/pa/send_message")).atPriority(5).withHeader(ViberApi.TOKEN_HEADER, equalTo(TOKEN))
                .willReturn(okJson("""
                        {"status":0,"status_message":"ok","message_token":5{{randomValue length=17 type='NUMERIC'}},"chat_hostname":"SN-CHAT-05_","billing_status":1}""")));
        viber.stubFor(post(urlEqualTo("/pa/get_account_info")).atPriority(5).withHeader(ViberApi.TOKEN_HEADER, equalTo(TOKEN))
                .willReturn(okJson("""
                        {"status":0,"status_message":"ok","id":"pa:75346594275468546724","name":"Магазин у дома","uri":"magazin",
                         "icon":"https://example.com/icon.png","category":"Shopping","subcategory":"Clothing","country":"RU",
                         "webhook":"","event_types":[],"subscribers_count":35}""")));
        viber.stubFor(post(urlEqualTo("/pa/set_webhook")).atPriority(5).withHeader(ViberApi.TOKEN_HEADER, equalTo(TOKEN))
                .willReturn(okJson("""
                        {"status":0,"status_message":"ok","event_types":["delivered","seen","failed","subscribed","unsubscribed","conversation_started"]}""")));
        // any other token: Viber's own refusal
        viber.stubFor(post(WireMock.urlMatching("/pa/.*")).atPriority(9)
                .willReturn(okJson("{\"status\":2,\"status_message\":\"invalidAuthToken\"}")));
    }

    /** The send_message bodies Viber received, in order. */
    static List<JsonNode> sentMessages(JsonMapper json) {
        return viber().findAll(postRequestedFor(urlEqualTo("/pa/send_message"))).stream()
                .map(request -> json.readTree(request.getBodyAsString())).toList();
    }

    /** The send_message bodies of one Beseda message (found by the id in its tracking_data). */
    static List<JsonNode> sentMessages(JsonMapper json, UUID messageId) {
        return sentMessages(json).stream()
                .filter(body -> json.readTree(body.path("tracking_data").asString()).path("m").asString().equals(messageId.toString()))
                .toList();
    }

    /** Viber keeps a photo the customer sent at a media URL; answers that URL. */
    static String media(String name, byte[] content) {
        viber().stubFor(WireMock.get(urlEqualTo("/media/" + name)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(content)));
        return viber().baseUrl() + "/media/" + name;
    }

    /** Posts a callback as Viber does, signed with {@code token}; answers the response. */
    static HttpResponse<String> callback(int port, UUID account, String body, String token) {
        return postSigned(port, account, body, ViberSignature.of(token, body.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> postSigned(int port, UUID account, String body, @org.jspecify.annotations.Nullable String signature) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/viber/" + account))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(ViberSignature.HEADER, signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Viber user id as Viber makes them: 16 random bytes in base64. */
    static String userId() {
        var bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
