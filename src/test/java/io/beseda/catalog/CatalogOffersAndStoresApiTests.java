package io.beseda.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading offers and keeping stores through the API, each workspace seeing only its own. */
@BesedaTest
class CatalogOffersAndStoresApiTests {

    private static final String STORE = """
            {"name": "Северный ветер на Тверской", "city": "Москва", "address": "Тверская, 1",
             "latitude": 55.757, "longitude": 37.615, "hours": "10:00–22:00", "phone": "+7 495 000-00-01"}""";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CatalogImport imports;

    @Autowired
    JsonMapper json;

    Tenant shop;
    Tenant other;
    Http api;

    @BeforeEach
    void aShopWithAFeed() {
        shop = workspaces.create("Витрина");
        other = workspaces.create("Чужая витрина");
        api = Http.api(port);
        imports.importYml(shop.workspace().id(), new ByteArrayInputStream(CatalogApiTests.FEED.getBytes(StandardCharsets.UTF_8)),
                "test");
    }

    @Test
    void listedOffersAreFilteredAndPaged() {
        var all = read("/api/v1/catalog/offers", shop);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("offers").get(0).get("name").asString()).isEqualTo("Пуховик «Север» мужской");

        assertThat(ids(read("/api/v1/catalog/offers?category=1", shop))).as("a category includes its subcategories")
                .containsExactly("jacket-48");
        assertThat(ids(read("/api/v1/catalog/offers?available=false", shop))).containsExactly("bag");
        assertThat(ids(read("/api/v1/catalog/offers?q=%D0%A1%D0%95%D0%92%D0%95%D0%A0", shop))).as("СЕВЕР in any case")
                .containsExactly("jacket-48");
        assertThat(ids(read("/api/v1/catalog/offers?q=tecno", shop))).as("the vendor counts").containsExactly("bag");
        assertThat(ids(read("/api/v1/catalog/offers?q=0%25_", shop))).as("%% and _ are plain characters").containsExactly("bag");
        assertThat(ids(read("/api/v1/catalog/offers?q=1%25", shop))).isEmpty();
        var second = read("/api/v1/catalog/offers?page=1&size=1", shop);
        assertThat(ids(second)).containsExactly("bag");
        assertThat(second.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void anOfferShowsItsParamsPicturesAndStockPerStore() {
        assertThat(api.call("PUT", "/api/v1/catalog/stores/msk-1", shop.apiKey(), STORE).statusCode()).isEqualTo(201);

        var jacket = read("/api/v1/catalog/offers/jacket-48", shop);

        assertThat(jacket.get("price").decimalValue()).isEqualByComparingTo("12490");
        assertThat(jacket.get("pictures").get(0).asString()).isEqualTo("https://shop.example/jacket-1.jpg");
        assertThat(jacket.get("params").get(0).get("unit").asString()).isEqualTo("RU");
        var stock = jacket.get("stock");
        assertThat(stock.size()).isEqualTo(2);
        assertThat(stock.get(0).get("storeName").asString()).isEqualTo("Северный ветер на Тверской");
        assertThat(stock.get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(stock.get(1).get("storeId").asString()).isEqualTo("spb-1");
        assertThat(stock.get(1).get("storeName").isNull()).as("a store the feed names but nobody described").isTrue();
        assertThat(api.call("GET", "/api/v1/catalog/offers/nothing", shop.apiKey(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void storesAreKeptByTheShopsIdsAndChecked() {
        assertThat(api.call("PUT", "/api/v1/catalog/stores/msk-1", shop.apiKey(), STORE).statusCode()).isEqualTo(201);
        var moved = api.call("PUT", "/api/v1/catalog/stores/msk-1", shop.apiKey(), STORE.replace("Тверская, 1", "Тверская, 3"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(read("/api/v1/catalog/stores/msk-1", shop).get("address").asString()).isEqualTo("Тверская, 3");
        assertThat(read("/api/v1/catalog/stores", shop).size()).isEqualTo(1);

        var noCity = api.call("PUT", "/api/v1/catalog/stores/kzn-1", shop.apiKey(), STORE.replace("\"Москва\"", "\" \""));
        assertThat(noCity.statusCode()).isEqualTo(400);
        assertThat(noCity.body()).contains("\"field\":\"city\"");
        var offTheMap = api.call("PUT", "/api/v1/catalog/stores/kzn-1", shop.apiKey(), STORE.replace("55.757", "95.1"));
        assertThat(offTheMap.statusCode()).isEqualTo(400);
        assertThat(offTheMap.body()).contains("\"field\":\"latitude\"");
        var half = api.call("PUT", "/api/v1/catalog/stores/kzn-1", shop.apiKey(), STORE.replace("\"longitude\": 37.615,", ""));
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(half.body()).contains("both latitude and longitude");
        var badId = api.call("PUT", "/api/v1/catalog/stores/a%20b", shop.apiKey(), STORE);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("\"field\":\"storeId\"");

        assertThat(api.call("DELETE", "/api/v1/catalog/stores/msk-1", shop.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/catalog/stores/msk-1", shop.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/catalog/stores/msk-1", shop.apiKey(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceSeesNothingOfTheCatalogue() {
        api.call("PUT", "/api/v1/catalog/stores/msk-1", shop.apiKey(), STORE);
        var importId = read("/api/v1/catalog/imports", shop).get(0).get("id").asString();

        assertThat(read("/api/v1/catalog/offers", other).get("total").asLong()).isZero();
        assertThat(read("/api/v1/catalog/stores", other).size()).isZero();
        assertThat(read("/api/v1/catalog/imports", other).size()).isZero();
        assertThat(api.call("GET", "/api/v1/catalog/offers/jacket-48", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/catalog/stores/msk-1", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/catalog/stores/msk-1", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/catalog/imports/" + importId, other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/catalog/stores/msk-1", shop.apiKey(), null).statusCode()).isEqualTo(200);
    }

    private JsonNode read(String path, Tenant tenant) {
        var response = api.call("GET", path, tenant.apiKey(), null);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static java.util.List<String> ids(JsonNode page) {
        return page.get("offers").valueStream().map(o -> o.get("id").asString()).toList();
    }
}
