package io.beseda.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations and integrators reach without signing in: probes, metrics and the API's documentation. */
@BesedaTest
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void healthAndProbesAnswerUp() {
        var http = Http.api(port);

        for (var probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = http.get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void prometheusScrapesApplicationAndPoolMetrics() {
        var metrics = Http.api(port).get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
                "http_server_requests");
    }

    @Test
    void openApiDocumentDescribesTheApiAndItsKeys() {
        var http = Http.api(port);

        var document = http.get("/api/docs/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"title\":\"Beseda API\"", "/api/v1/users/{userId}",
                "/api/v1/api-keys", "\"scheme\":\"bearer\"");

        var ui = http.get("/api/docs");
        assertThat(ui.statusCode()).isEqualTo(302);
        var page = http.get(Http.location(ui).replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void otherActuatorEndpointsAreNotPublic() {
        var http = Http.api(port);

        for (var endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
            var response = http.get(endpoint);
            assertThat(response.statusCode()).as(endpoint).isEqualTo(302);
            assertThat(Http.location(response)).as(endpoint).endsWith("/login");
        }
    }
}
