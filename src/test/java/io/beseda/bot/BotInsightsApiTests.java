package io.beseda.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

/** The bot's metrics, a message's reading and the return requests, over the API. */
@BesedaTest
class BotInsightsApiTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void a_reading_says_the_intent_the_entities_and_what_the_bot_would_answer() {
        var shop = workspaces.create("Чтение сообщений");
        var response = Http.api(port).call("POST", "/api/v1/bot/readings", shop.apiKey(), "{\"text\": \"где мой заказ 10023\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"intent\":\"order_status\"", "\"orderNumber\":\"10023\"", "Не нашёл заказ");
        var empty = Http.api(port).call("POST", "/api/v1/bot/readings", shop.apiKey(), "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        var huge = Http.api(port).call("POST", "/api/v1/bot/readings", shop.apiKey(), "{\"text\": \"" + "а".repeat(10_001) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
    }

    @Test
    void metrics_cover_a_period_that_makes_sense() {
        var shop = workspaces.create("Метрики API");
        var api = Http.api(port);
        var report = api.call("GET", "/api/v1/bot/metrics", shop.apiKey(), null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"sessions\":0", "\"containment\":null", "\"handOffReasons\":{}");
        assertThat(api.call("GET", "/api/v1/bot/metrics?from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z", shop.apiKey(), null)
                .statusCode()).isEqualTo(400);
        assertThat(api.call("GET", "/api/v1/bot/metrics?from=2020-01-01T00:00:00Z&to=2026-11-10T00:00:00Z", shop.apiKey(), null)
                .statusCode()).isEqualTo(400);
        assertThat(api.call("GET", "/api/v1/bot/metrics?from=yesterday", shop.apiKey(), null).statusCode()).isEqualTo(400);
    }

    @Test
    void return_requests_list_within_limits() {
        var shop = workspaces.create("Заявки на возврат");
        var api = Http.api(port);
        assertThat(api.call("GET", "/api/v1/bot/return-requests", shop.apiKey(), null).body()).isEqualTo("[]");
        assertThat(api.call("GET", "/api/v1/bot/return-requests?limit=0", shop.apiKey(), null).statusCode()).isEqualTo(400);
    }
}
