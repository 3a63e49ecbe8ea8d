package io.beseda.customer;

import java.util.ArrayList;
import java.util.UUID;

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

/** POST /api/v1/events as a shop's backend uses it. */
@BesedaTest
class StorefrontEventsApiTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    CustomerHistory history;

    private Tenant tenant;

    @BeforeEach
    void workspace() {
        tenant = workspaces.create("Витрина");
    }

    @Test
    void eventsBuildTheCustomersCartOrdersAndRecentlyViewedProducts() {
        var visitor = "v-" + UUID.randomUUID();
        var result = post("""
                {"events": [
                  {"id": "%1$s-1", "type": "session_started", "occurredAt": "2026-11-20T09:00:00+03:00", "customer": {"visitorId": "%1$s"}},
                  {"id": "%1$s-2", "type": "product_viewed", "occurredAt": "2026-11-20T09:01:00+03:00", "customer": {"visitorId": "%1$s"},
                   "properties": {"productId": "sku-1", "name": "Кроссовки «Бег»", "category": "обувь", "price": 5990}},
                  {"id": "%1$s-3", "type": "product_viewed", "occurredAt": "2026-11-20T09:02:00+03:00", "customer": {"visitorId": "%1$s"},
                   "properties": {"productId": "sku-1", "name": "Кроссовки «Бег»", "category": "обувь", "price": 5990}},
                  {"id": "%1$s-4", "type": "cart_updated", "occurredAt": "2026-11-20T09:03:00+03:00", "customer": {"visitorId": "%1$s"},
                   "properties": {"items": [{"productId": "sku-1", "name": "Кроссовки «Бег»", "price": 5990, "quantity": 2}]}},
                  {"id": "%1$s-5", "type": "checkout_started", "occurredAt": "2026-11-20T09:05:00+03:00", "customer": {"visitorId": "%1$s", "phone": "8 (916) 555-44-33"}},
                  {"id": "%1$s-6", "type": "order_placed", "occurredAt": "2026-11-20T09:06:00+03:00", "customer": {"visitorId": "%1$s"},
                   "properties": {"orderId": "A-100", "total": 11980, "items": [{"productId": "sku-1", "quantity": 2}]}},
                  {"id": "%1$s-7", "type": "order_status_changed", "occurredAt": "2026-11-21T12:00:00+03:00", "customer": {"phone": "+79165554433"},
                   "properties": {"orderId": "A-100", "status": "shipped"}}
                ]}""".formatted(visitor), 200);

        assertThat(result.get("accepted").asInt()).isEqualTo(7);
        var id = customers.findBy(tenant.workspace().id(), Identity.phone("+79165554433")).orElseThrow();
        assertThat(customers.findBy(tenant.workspace().id(), Identity.of(IdentityKind.VISITOR, visitor))).contains(id);
        var ws = tenant.workspace().id();
        assertThat(history.timeline(ws, id, null, 50)).hasSize(7);
        assertThat(history.cart(ws, id)).hasValueSatisfying(cart -> assertThat(cart.empty()).as("bought, so emptied").isTrue());
        assertThat(history.orders(ws, id)).singleElement().satisfies(order -> {
            assertThat(order.status()).isEqualTo("shipped");
            assertThat(order.total()).isEqualByComparingTo("11980");
            assertThat(order.history()).extracting(CustomerHistory.StatusChange::status).containsExactly("new", "shipped");
        });
        assertThat(history.recentViews(ws, id, 10)).singleElement().satisfies(view -> {
            assertThat(view.views()).isEqualTo(2);
            assertThat(view.name()).isEqualTo("Кроссовки «Бег»");
        });
        assertThat(customers.get(ws, id).lastSeenAt()).isEqualTo("2026-11-21T09:00:00Z");
    }

    @Test
    void aReplayedBatchCreatesNothingTwice() {
        var visitor = "v-" + UUID.randomUUID();
        var batch = """
                {"events": [
                  {"id": "%1$s-view", "type": "product_viewed", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"},
                   "properties": {"productId": "sku-9"}},
                  {"id": "%1$s-order", "type": "order_placed", "occurredAt": "2026-11-20T10:05:00Z", "customer": {"visitorId": "%1$s"},
                   "properties": {"orderId": "B-1", "total": 100}}
                ]}""".formatted(visitor);

        var first = post(batch, 200);
        var replay = post(batch, 200);

        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(replay.get("accepted").asInt()).isZero();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(2);
        var id = customers.findBy(tenant.workspace().id(), Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        assertThat(history.timeline(tenant.workspace().id(), id, null, 10)).hasSize(2);
        assertThat(history.recentViews(tenant.workspace().id(), id, 10)).singleElement()
                .satisfies(v -> assertThat(v.views()).isEqualTo(1));
    }

    @Test
    void malformedEventsAreRefusedOneByOneWhileTheRestOfTheBatchIsStored() {
        var visitor = "v-" + UUID.randomUUID();
        var result = post("""
                {"events": [
                  {"id": "%1$s-ok", "type": "search", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"}, "properties": {"query": "платье"}},
                  {"id": "%1$s-no-time", "type": "search", "customer": {"visitorId": "%1$s"}, "properties": {"query": "x"}},
                  {"id": "%1$s-no-customer", "type": "search", "occurredAt": "2026-11-20T10:00:00Z", "properties": {"query": "x"}},
                  {"id": "%1$s-no-order-id", "type": "order_placed", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"}},
                  "not an object",
                  {"id": "%1$s-custom", "type": "wishlist_added", "occurredAt": "2026-11-20T10:01:00Z", "customer": {"visitorId": "%1$s"}, "properties": {"productId": "sku-3"}}
                ]}""".formatted(visitor), 200);

        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        var rejected = result.get("rejected");
        assertThat(rejected).hasSize(4);
        assertThat(fields(rejected, 0)).containsExactly("occurredAt");
        assertThat(fields(rejected, 1)).containsExactly("customer");
        assertThat(fields(rejected, 2)).containsExactly("properties.orderId");
        assertThat(rejected.get(3).get("index").asInt()).isEqualTo(4);
        var id = customers.findBy(tenant.workspace().id(), Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        assertThat(history.timeline(tenant.workspace().id(), id, null, 10))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("wishlist_added");
                    assertThat(e.custom()).isTrue();
                });
    }

    @Test
    void aBatchThatIsNotAListOrTooLargeIsRefusedWhole() {
        assertThat(post("{\"events\": {}}", 400).get("errors").get(0).get("field").asString()).isEqualTo("events");

        var events = new ArrayList<String>();
        for (int i = 0; i < 1001; i++) {
            events.add("{\"id\":\"e" + i + "\",\"type\":\"search\",\"occurredAt\":\"2026-11-20T10:00:00Z\",\"customer\":{\"visitorId\":\"v\"}}");
        }
        assertThat(post("{\"events\": [" + String.join(",", events) + "]}", 400).get("detail").asString())
                .contains("at most 1000");
    }

    @Test
    void anUnparseablePhoneIsStoredAsGivenAndFlagged() {
        post("""
                {"events": [{"id": "%s", "type": "checkout_started", "occurredAt": "2026-11-20T10:00:00Z",
                             "customer": {"phone": "спросить у курьера"}}]}""".formatted(UUID.randomUUID()), 200);

        var id = customers.findBy(tenant.workspace().id(), Identity.phone("спросить у курьера")).orElseThrow();
        var customer = customers.get(tenant.workspace().id(), id);
        assertThat(customer.phone()).isEqualTo("спросить у курьера");
        assertThat(customer.phoneValid()).isFalse();
    }

    @Test
    void theTimelinePagesThroughEventsAtTheSameInstantWithoutSkippingAny() {
        var visitor = "v-" + UUID.randomUUID();
        post("""
                {"events": [
                  {"id": "%1$s-a", "type": "search", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"}, "properties": {"query": "a"}},
                  {"id": "%1$s-b", "type": "search", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"}, "properties": {"query": "b"}},
                  {"id": "%1$s-c", "type": "search", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"visitorId": "%1$s"}, "properties": {"query": "c"}}
                ]}""".formatted(visitor), 200);
        var id = customers.findBy(tenant.workspace().id(), Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        var api = Http.api(port);

        var first = json.readTree(api.call("GET", "/api/v1/customers/" + id + "/timeline?limit=2", tenant.apiKey(), null).body());
        var last = first.get(1);
        var second = json.readTree(api.call("GET", "/api/v1/customers/" + id + "/timeline?limit=2&before="
                + last.get("occurredAt").asString() + "&last=" + last.get("eventId").asString(), tenant.apiKey(), null).body());

        var seen = new ArrayList<String>();
        first.forEach(e -> seen.add(e.get("eventId").asString()));
        second.forEach(e -> seen.add(e.get("eventId").asString()));
        assertThat(seen).containsExactlyInAnyOrder(visitor + "-a", visitor + "-b", visitor + "-c");
    }

    private static java.util.List<String> fields(JsonNode rejected, int i) {
        var fields = new ArrayList<String>();
        rejected.get(i).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private JsonNode post(String body, int status) {
        var response = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }
}
