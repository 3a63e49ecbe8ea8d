package io.beseda.channel.smsgateway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * SMSC.ru's HTTP API played by WireMock, answering with the JSON ({@code fmt=3}) its documentation shows, and
 * SMSC.ru calling the client's handler with a status or an incoming SMS as form fields. One stand-in for every
 * SMSC.ru test class (they share one application context, which points {@code beseda.channel.smsc.base-url} at it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SmscStandIn {

    static final String API_KEY = "b5a3c1e9f0d24c7a8e6b1d2f3a4c5e6f";
    static final String SECRET = "0f4e1c9a7b2d4e6f8a1c3e5b7d9f1a2c";

    private static WireMockServer server;

    static synchronized WireMockServer smsc() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Bean
    DynamicPropertyRegistrar smscBaseUrl() {
        return registry -> registry.add("beseda.channel.smsc.base-url", () -> smsc().baseUrl());
    }

    /** SMSC.ru as it answers the account whose API key is {@link #API_KEY}: every SMS taken, with a fresh id. */
    static void answersAsSmsc() {
        var smsc = smsc();
        smsc.resetAll();
        smsc.stubFor(post(urlEqualTo("/sys/send.php")).atPriority(5).withFormParam("apikey", equalTo(API_KEY))
                .withFormParam("fmt", equalTo("3")).withFormParam("charset", equalTo("utf-8"))
                .willReturn(okJson("{\"id\": {{randomInt lower=100000 upper=999999999}}, \"cnt\": 1}")));
        smsc.stubFor(post(urlEqualTo("/sys/balance.php")).atPriority(5).withFormParam("apikey", equalTo(API_KEY))
                .willReturn(okJson("{\"balance\": \"1520.40\", \"currency\": \"RUR\"}")));
        // any other key: SMSC.ru's refusal
        smsc.stubFor(post(WireMock.urlMatching("/sys/.*")).atPriority(9)
                .willReturn(okJson("{\"error\": \"authorise error\", \"error_code\": 2}")));
    }

    /** The form fields of every send.php request, in order. */
    static List<Map<String, String>> sent() {
        return sendEvents().stream().map(SmscStandIn::fields).toList();
    }

    /** The form fields of the send.php request SMSC.ru answered with this id. */
    static Map<String, String> sentAs(String smscId) {
        return sendEvents().stream().filter(event -> event.getResponse().getBodyAsString().matches("\\{\"id\": " + smscId + ",.*"))
                .map(SmscStandIn::fields).findFirst().orElseThrow(() -> new AssertionError("SMSC.ru gave no id " + smscId));
    }

    private static List<ServeEvent> sendEvents() {
        return smsc().getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().equals("/sys/send.php"))
                .sorted(java.util.Comparator.comparing(event -> event.getRequest().getLoggedDate())).toList();
    }

    private static Map<String, String> fields(ServeEvent event) {
        return java.util.Arrays.stream(event.getRequest().getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** SMSC.ru calling the handler URL the admin pasted ({@code ?token=…&charset=utf-8}) with form fields; answers the response. */
    static HttpResponse<String> callback(int port, UUID account, String token, Map<String, String> fields) {
        var query = token == null ? "?charset=utf-8" : "?token=" + token + "&charset=utf-8";
        var body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/smsc/" + account + query))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An incoming SMS as SMSC.ru posts it: its id, the sender's phone, the text, our number and the Unix time sent. */
    static Map<String, String> incoming(String id, String phone, String text) {
        return Map.of("id", id, "phone", phone, "mes", text, "to", "79037001122", "sent", String.valueOf(System.currentTimeMillis() / 1000));
    }

    /** A delivery status as SMSC.ru posts it for an SMS we sent. */
    static Map<String, String> status(String id, String phone, int status, int err) {
        return Map.of("id", id, "phone", phone, "status", String.valueOf(status), "err", String.valueOf(err),
                "time", "01.07.2025 12:00:05", "ts", String.valueOf(System.currentTimeMillis() / 1000));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
