package io.beseda.customer;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class StorefrontBatchTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    CustomerHistory history;

    @Test
    void aBatchCarryingAnOrdersWholeWayKeepsItsLatestStatus() {
        var tenant = workspaces.create("Заказы одной пачкой");
        var body = """
                {"events": [
                  %s, %s, %s, %s,
                  {"id": "o-7-again", "type": "order_placed", "occurredAt": "2026-11-20T10:00:30Z",
                   "customer": {"phone": "+79165550707"}, "properties": {"orderId": "7", "total": 2990}}
                ]}""".formatted(status("o-7-new", "order_placed", "new", "10:00"), status("o-7-paid", "order_status_changed", "paid", "10:05"),
                status("o-7-delivered", "order_status_changed", "delivered", "12:00"), status("o-7-shipped", "order_status_changed", "shipped", "11:00"));

        var response = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var customer = customers.findBy(tenant.workspace().id(), Identity.phone("+79165550707")).orElseThrow();
        var order = history.orders(tenant.workspace().id(), customer).getFirst();
        assertThat(order.status()).isEqualTo("delivered");
        assertThat(order.history()).extracting(CustomerHistory.StatusChange::status)
                .containsExactly("new", "new", "paid", "shipped", "delivered");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:30Z"));
        assertThat(List.of(order.total().intValue())).containsExactly(2990);
    }

    @Test
    void theCourierAndTrackingOfTheLatestStatusAreKeptForTheOrder() {
        var tenant = workspaces.create("Заказ с курьером");
        var body = """
                {"events": [
                  {"id": "d-1", "type": "order_placed", "occurredAt": "2026-11-20T09:00:00Z", "customer": {"phone": "+79165550808"},
                   "properties": {"orderId": "DM-10023", "total": 4590}},
                  {"id": "d-2", "type": "order_status_changed", "occurredAt": "2026-11-20T11:00:00Z", "customer": {"phone": "+79165550808"},
                   "properties": {"orderId": "DM-10023", "status": "shipped", "courierName": "Сергей", "courierPhone": "+7 916 000-11-22",
                                  "trackingUrl": "https://track.example/DM-10023", "expectedAt": "2026-11-21"}},
                  {"id": "d-3", "type": "order_status_changed", "occurredAt": "2026-11-20T12:00:00Z", "customer": {"phone": "+79165550808"},
                   "properties": {"orderId": "DM-10023", "status": "out_for_delivery"}}
                ]}""";

        assertThat(Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), body).statusCode()).isEqualTo(200);

        var order = history.order(tenant.workspace().id(), " DM-10023 ").orElseThrow();
        assertThat(order.status()).isEqualTo("out_for_delivery");
        assertThat(order.delivery()).as("a later status without a courier keeps the one known")
                .isEqualTo(new CustomerHistory.Delivery("Сергей", "+7 916 000-11-22", "https://track.example/DM-10023", "2026-11-21"));
        assertThat(history.placedBy(tenant.workspace().id(), "DM-10023"))
                .contains(customers.findBy(tenant.workspace().id(), Identity.phone("+79165550808")).orElseThrow());
        assertThat(history.order(tenant.workspace().id(), "DM-99999")).isEmpty();
        var api = Http.api(port).call("GET", "/api/v1/orders/DM-10023", tenant.apiKey(), null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"courierPhone\":\"+7 916 000-11-22\"", "\"status\":\"out_for_delivery\"");
        assertThat(Http.api(port).call("GET", "/api/v1/orders/DM-99999", tenant.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(history.order(workspaces.create("Чужой").workspace().id(), "DM-10023")).isEmpty();
    }

    private static String status(String id, String type, String status, String time) {
        return """
                {"id": "%s", "type": "%s", "occurredAt": "2026-11-20T%s:00Z", "customer": {"phone": "+79165550707"},
                 "properties": {"orderId": "7", "status": "%s", "total": 2990}}""".formatted(id, type, time, status);
    }
}
