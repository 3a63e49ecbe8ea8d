package io.beseda.catalog;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class LoyaltyCardsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Test
    void aShopIssuesACardItsHolderActivatesAndALostOneIsReplaced() {
        var shop = workspaces.create("Карты по API");
        var api = Http.api(port);
        var olga = customers.resolve(shop.workspace().id(), List.of(Identity.phone("+7 916 777-00-01")), Instant.now()).orElseThrow();

        var issued = api.call("POST", "/api/v1/catalog/loyalty-cards", shop.apiKey(),
                "{\"number\": \"7711 0000 0001\", \"tier\": \"Серебряный\", \"balance\": 500}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).contains("\"status\":\"NOT_ACTIVATED\"");
        assertThat(api.call("POST", "/api/v1/catalog/loyalty-cards", shop.apiKey(),
                "{\"number\": \"771100000001\", \"tier\": \"Золотой\", \"balance\": 0}").statusCode()).isEqualTo(409);
        assertThat(api.call("POST", "/api/v1/catalog/loyalty-cards", shop.apiKey(),
                "{\"number\": \"abc\", \"tier\": \"Золотой\", \"balance\": -1}").statusCode()).isEqualTo(400);

        var activated = api.call("POST", "/api/v1/catalog/loyalty-cards/7711-0000-0001/activate", shop.apiKey(),
                "{\"customerId\": \"" + olga.value() + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(activated.body()).contains("\"status\":\"ACTIVE\"");
        assertThat(api.call("GET", "/api/v1/catalog/loyalty-cards?customerId=" + olga.value(), shop.apiKey(), null).body())
                .contains("771100000001");

        var replaced = api.call("POST", "/api/v1/catalog/loyalty-cards/771100000001/replace", shop.apiKey(), null);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("\"balance\":500", "\"status\":\"ACTIVE\"").doesNotContain("771100000001");
        assertThat(api.call("GET", "/api/v1/catalog/loyalty-cards/771100000001", shop.apiKey(), null).body())
                .contains("\"status\":\"REPLACED\"");

        var other = workspaces.create("Чужие карты");
        assertThat(api.call("GET", "/api/v1/catalog/loyalty-cards/771100000001", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/catalog/loyalty-cards?customerId=" + olga.value(), other.apiKey(), null).statusCode())
                .isEqualTo(404);
    }
}
