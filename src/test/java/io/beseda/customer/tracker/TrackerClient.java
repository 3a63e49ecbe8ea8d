package io.beseda.customer.tracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Speaks to /t/{token}/events as the tracker in a shop's page does: from another origin, usually text/plain. */
final class TrackerClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TrackerClient(int port) {
        this.port = port;
    }

    HttpResponse<String> post(String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(token)).header("Origin", "https://shop.example")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String token, String body) {
        return post(token, "text/plain;charset=UTF-8", body);
    }

    HttpResponse<String> preflight(String token) {
        return send(HttpRequest.newBuilder(uri(token)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
    }

    static String batch(String... events) {
        return "{\"events\": [" + String.join(",", events) + "]}";
    }

    static String event(String type, Map<String, String> customer, String properties) {
        return event(type, customer, properties, Instant.now());
    }

    /** An event as the tracker writes it, with a fresh UUID. */
    static String event(String type, Map<String, String> customer, String properties, Instant at) {
        var who = customer.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"" + type + "\", \"occurredAt\": \"" + at
                + "\", \"customer\": {" + who + "}, \"properties\": " + properties + "}";
    }

    private URI uri(String token) {
        return URI.create("http://localhost:" + port + "/t/" + token + "/events");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
