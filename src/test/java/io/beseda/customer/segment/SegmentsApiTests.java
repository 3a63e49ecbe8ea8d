package io.beseda.customer.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class SegmentsApiTests {

    private static final String BIG_CARTS = """
            {"name": "Крупные корзины", "rule": {"cart": {"op": "gt", "value": 1000}}}""";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    Clock clock;

    Tenant tenant;
    Http api;
    CustomerId bigSpender;

    @BeforeEach
    void shopWithACustomer() {
        tenant = workspaces.create("API сегментов");
        api = Http.api(port);
        var history = new History(jdbc, customers, tenant.workspace().id(), clock.instant());
        bigSpender = history.customer("Покупатель");
        history.cart(bigSpender, "5000", Duration.ofMinutes(3));
        history.cart(history.customer("Экономный"), "300", Duration.ofMinutes(3));
    }

    private JsonNode call(String method, String path, String body, int status) {
        var response = api.call(method, path, tenant.apiKey(), body);
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isEqualTo(status);
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    @Test
    void aNewSegmentAnswersWithItsMembersAlreadyComputed() {
        var response = api.call("POST", "/api/v1/segments", tenant.apiKey(), BIG_CARTS);
        assertThat(response.statusCode()).isEqualTo(201);
        var segment = json.readTree(response.body());
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/segments/" + segment.get("id").asString());
        assertThat(segment.get("members").asLong()).isEqualTo(1);
        assertThat(segment.get("builtIn").asBoolean()).isFalse();
        assertThat(segment.get("rule").get("cart").get("value").asInt()).isEqualTo(1000);

        var members = call("GET", "/api/v1/segments/" + segment.get("id").asString() + "/members", null, 200);
        assertThat(members.get("total").asLong()).isEqualTo(1);
        assertThat(members.get("items").get(0).get("customerId").asString()).isEqualTo(bigSpender.toString());

        var ofCustomer = call("GET", "/api/v1/customers/" + bigSpender + "/segments", null, 200);
        assertThat(ofCustomer).extracting(s -> s.get("name").asString()).containsExactly("Крупные корзины");
    }

    @Test
    void listsTheBuiltInSegmentsFirstThenTheShopsOwn() {
        call("POST", "/api/v1/segments", BIG_CARTS, 201);

        var list = call("GET", "/api/v1/segments", null, 200);

        assertThat(list).extracting(s -> s.get("name").asString()).containsExactly("Решительные покупатели",
                "Просматривающие", "Сомневающиеся", "Чемпионы (RFM)", "Уходящие (RFM)", "Брошенная корзина",
                "Крупные корзины");
        assertThat(list.get(0).get("builtInKey").asString()).isEqualTo("decided");
        assertThat(list.get(0).get("rule").get("shopper").asString()).isEqualTo("decided");
    }

    @Test
    void aBadRuleIsA400NamingWhatIsWrong() {
        var problem = call("POST", "/api/v1/segments", """
                {"name": "Сломанный", "rule": {"all": [{"lastSeen": {"days": 7}}, {"orders": {"op": "gte", "count": 2, "days": 0}}]}}""",
                400);

        assertThat(problem.get("title").asString()).isEqualTo("Invalid rule");
        assertThat(problem.get("detail").asString()).contains("rule.all[1].orders.days must be a whole number from 1 to 3650");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("rule.all[1].orders.days");
        assertThat(problem.get("code").asString()).isEqualTo("segment.rule.whole-number");
        assertThat(api.call("POST", "/api/v1/segments/preview", tenant.apiKey(), "{\"rule\": {\"shopper\": \"x\"}}")
                .headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));

        var unknown = call("POST", "/api/v1/segments/preview", "{\"rule\": {\"attribute\": {\"key\": \"size\", \"op\": \"exists\"}}}", 400);
        assertThat(unknown.get("detail").asString()).contains("'size', which is not a customer attribute");
        var missing = call("POST", "/api/v1/segments", "{\"name\": \"Без правила\"}", 400);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("rule");
        assertThat(call("GET", "/api/v1/segments", null, 200)).as("nothing was saved").hasSize(6);
    }

    @Test
    void aPreviewCountsWithoutSavingAnything() {
        var preview = call("POST", "/api/v1/segments/preview", "{\"rule\": {\"cart\": {\"op\": \"gte\", \"value\": 300}}}", 200);

        assertThat(preview.get("count").asLong()).isEqualTo(2);
        assertThat(preview.get("sample")).extracting(m -> m.get("name").asString())
                .containsExactlyInAnyOrder("Покупатель", "Экономный");
        assertThat(call("GET", "/api/v1/segments", null, 200)).hasSize(6);
    }

    @Test
    void changingTheRuleRecomputesTheMembersAndDeletingRemovesTheSegment() {
        var id = call("POST", "/api/v1/segments", BIG_CARTS, 201).get("id").asString();

        var changed = call("PUT", "/api/v1/segments/" + id, """
                {"name": "Любые корзины", "rule": {"cart": {"op": "gt", "value": 0}}}""", 200);

        assertThat(changed.get("name").asString()).isEqualTo("Любые корзины");
        assertThat(changed.get("members").asLong()).isEqualTo(2);
        call("DELETE", "/api/v1/segments/" + id, null, 204);
        call("GET", "/api/v1/segments/" + id, null, 404);
        call("GET", "/api/v1/segments/" + id + "/members", null, 404);
    }

    @Test
    void builtInSegmentsCannotBeChangedOrDeleted() {
        var decided = call("GET", "/api/v1/segments", null, 200).get(0).get("id").asString();

        assertThat(call("DELETE", "/api/v1/segments/" + decided, null, 409).get("code").asString())
                .isEqualTo("segment.built-in");
        assertThat(call("PUT", "/api/v1/segments/" + decided, BIG_CARTS, 409).get("code").asString())
                .isEqualTo("segment.built-in");
    }

    @Test
    void namesAreUniqueIgnoringCaseBuiltInOnesIncluded() {
        call("POST", "/api/v1/segments", BIG_CARTS, 201);

        assertThat(call("POST", "/api/v1/segments", BIG_CARTS.replace("Крупные", "КРУПНЫЕ"), 409).get("code").asString())
                .isEqualTo("segment.name.taken");
        assertThat(call("POST", "/api/v1/segments", BIG_CARTS.replace("Крупные корзины", "брошенная корзина"), 409)
                .get("code").asString()).isEqualTo("segment.name.taken");
    }

    @Test
    void unknownSegmentsAndCustomersAreNotFound() {
        call("GET", "/api/v1/segments/" + UUID.randomUUID(), null, 404);
        call("GET", "/api/v1/customers/" + UUID.randomUUID() + "/segments", null, 404);
    }
}
