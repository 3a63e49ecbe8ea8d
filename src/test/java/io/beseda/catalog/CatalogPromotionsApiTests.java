package io.beseda.catalog;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class CatalogPromotionsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aShopKeepsItsPromotionsByItsOwnIds() {
        var shop = workspaces.create("Акции по API");
        var api = Http.api(port);
        var now = Instant.now();
        var winter = """
                {"title": "−20 %% на куртки", "terms": "До конца месяца", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        var later = """
                {"title": "Весна", "terms": "С марта", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.plus(Duration.ofDays(90)), now.plus(Duration.ofDays(120)));

        assertThat(api.call("PUT", "/api/v1/catalog/promotions/winter", shop.apiKey(), winter).statusCode()).isEqualTo(201);
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/spring", shop.apiKey(), later).statusCode()).isEqualTo(201);
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/winter", shop.apiKey(), winter.replace("−20 %", "−25 %")).statusCode())
                .isEqualTo(200);

        assertThat(api.call("GET", "/api/v1/catalog/promotions/winter", shop.apiKey(), null).body()).contains("−25 % на куртки");
        assertThat(api.call("GET", "/api/v1/catalog/promotions?current=true", shop.apiKey(), null).body())
                .contains("\"winter\"").doesNotContain("\"spring\"");
        assertThat(api.call("GET", "/api/v1/catalog/promotions", shop.apiKey(), null).body()).contains("\"winter\"", "\"spring\"");

        var backwards = later.replace("\"startsAt\"", "\"x\"").replace("\"endsAt\"", "\"startsAt\"").replace("\"x\"", "\"endsAt\"");
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/odd", shop.apiKey(), backwards).statusCode()).isEqualTo(400);
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/odd", shop.apiKey(), "{\"title\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/" + "x".repeat(101), shop.apiKey(), winter).statusCode()).isEqualTo(400);
        var foreignSegment = winter.replace("\"terms\"", "\"segmentId\": \"" + java.util.UUID.randomUUID() + "\", \"terms\"");
        assertThat(api.call("PUT", "/api/v1/catalog/promotions/vip", shop.apiKey(), foreignSegment).statusCode()).isBetween(400, 499);

        assertThat(api.call("DELETE", "/api/v1/catalog/promotions/spring", shop.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/v1/catalog/promotions/spring", shop.apiKey(), null).statusCode()).isEqualTo(404);

        var other = workspaces.create("Чужие акции по API");
        assertThat(api.call("GET", "/api/v1/catalog/promotions/winter", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/catalog/promotions", other.apiKey(), null).body()).isEqualTo("[]");
    }
}
