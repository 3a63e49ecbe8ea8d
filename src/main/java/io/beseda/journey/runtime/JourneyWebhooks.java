package io.beseda.journey.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * A journey's webhook step: posts the run's facts as JSON to the shop's system with an idempotency key (the
 * same run and step always send the same key, so a repeated call can be recognised), and reports the answer.
 * The journey goes on whatever the answer; the step's statistics show it.
 */
@Component
class JourneyWebhooks {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;

    JourneyWebhooks(JsonMapper json) {
        this.json = json;
    }

    String post(WorkspaceId workspace, URI url, String key, Map<String, Object> body) {
        try {
            var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .header("User-Agent", "Beseda-Journeys/1")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return "HTTP " + response.statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return "не ответил: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "прервано";
        }
    }
}
