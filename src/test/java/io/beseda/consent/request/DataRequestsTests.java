package io.beseda.consent.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class DataRequestsTests {

    // Unique per test, so traces left by other tests in the shared database cannot be mistaken for leaks.
    private final String digits = String.valueOf(1_000_000 + new java.util.Random().nextInt(8_999_999));
    private final String PHONE = "+7921" + digits;
    private final String EMAIL = "olga." + digits + "@mail.example";
    private final String NAME = "Ольга Стираемая" + digits;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    DataRequests requests;

    @Autowired
    DataSource dataSource;

    private Tenant tenant;
    private Actor admin;
    private CustomerId customer;
    private String visitor;

    @BeforeEach
    void aCustomerWithAHistory() {
        tenant = workspaces.create("Удаление");
        admin = new Actor(tenant.workspace().id(), Actor.Kind.USER, tenant.owner().id().value(), "Анна", Role.OWNER);
        visitor = "visitor-" + UUID.randomUUID();
        var events = """
                {"events": [
                  {"id": "%5$s-1", "type": "checkout_started", "occurredAt": "2026-11-20T09:00:00Z",
                   "customer": {"visitorId": "%1$s", "phone": "%2$s", "email": "%3$s"},
                   "properties": {"name": "%4$s", "address": "Ленина, %6$s", "phone": "%2$s"}},
                  {"id": "%5$s-2", "type": "cart_updated", "occurredAt": "2026-11-20T09:01:00Z", "customer": {"visitorId": "%1$s"},
                   "properties": {"items": [{"productId": "p1", "name": "Платье для %4$s", "price": 4990}]}},
                  {"id": "%5$s-3", "type": "order_placed", "occurredAt": "2026-11-20T09:02:00Z", "customer": {"visitorId": "%1$s"},
                   "properties": {"orderId": "E-1", "total": 4990, "items": [{"productId": "p1", "name": "для %4$s"}]}},
                  {"id": "%5$s-4", "type": "product_viewed", "occurredAt": "2026-11-20T09:03:00Z", "customer": {"visitorId": "%1$s"},
                   "properties": {"productId": "p2", "name": "Шарф"}}
                ]}""".formatted(visitor, PHONE, EMAIL, NAME, UUID.randomUUID(), digits);
        assertThat(Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), events).statusCode()).isEqualTo(200);
        customer = customers.findBy(tenant.workspace().id(), Identity.phone(PHONE)).orElseThrow();
        jdbc().sql("update customer set name = ?, city = 'Тверь', birthday = '1990-05-01' where id = ?").params(NAME, customer.value()).update();
        jdbc().sql("""
                insert into consent_record (id, workspace_id, customer_id, purpose, channel, address, granted, source, recorded_at, ip, device, proof, recorded_by)
                values (?, ?, ?, 'MARKETING', 'SMS', ?, true, 'CHECKOUT', now(), ?, 'Firefox', ?::jsonb, 'checkout')""")
                .params(UUID.randomUUID(), tenant.workspace().id().value(), customer.value(), PHONE, ip(),
                        "{\"form\": \"checkout\", \"phone\": \"" + PHONE + "\"}").update();
    }

    @Test
    void erasureLeavesNoPersonalDataInAnyTable() {
        var request = requests.open(admin, customer, DataRequest.Kind.ERASURE, "email", null);

        var done = requests.complete(admin, request.id());

        assertThat(done.request().status()).isEqualTo(DataRequest.Status.DONE);
        assertThat(done.request().result()).contains("identities");
        var traces = List.of(PHONE, PHONE.substring(1), EMAIL, NAME, visitor, "Ленина, " + digits, ip());
        assertThat(tablesContaining(traces)).isEmpty();
        assertThat(customers.get(tenant.workspace().id(), customer).erased()).isTrue();
        assertThat(jdbc().sql("select count(*) from storefront_event where customer_id = ?").param(customer.value())
                .query(Integer.class).single()).as("aggregated counts stay").isEqualTo(4);
        assertThat(jdbc().sql("select count(*) from audit_log where workspace_id = ? and action = 'customer.erased'")
                .param(tenant.workspace().id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eventsForAnErasedCustomerDoNotBringTheirDataBack() {
        requests.complete(admin, requests.open(admin, customer, DataRequest.Kind.ERASURE, "email", null).id());

        var replay = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), """
                {"events": [{"id": "after-erasure-%s", "type": "checkout_started", "occurredAt": "2026-11-22T09:00:00Z",
                             "customer": {"phone": "8 921 %s", "email": "%s"}}]}""".formatted(visitor, digits, EMAIL.toUpperCase()));

        assertThat(replay.body()).contains("\"accepted\":0").contains("\"ignored\":1");
        assertThat(customers.findBy(tenant.workspace().id(), Identity.phone(PHONE))).isEmpty();
        assertThat(tablesContaining(List.of(PHONE, EMAIL))).isEmpty();
    }

    @Test
    void anExportHoldsEverythingKeptAboutTheCustomer() {
        var request = requests.open(admin, customer, DataRequest.Kind.EXPORT, "email", null);

        var done = requests.complete(admin, request.id());

        var export = done.export();
        assertThat(export).containsKeys("profile", "identities", "storefrontEvents", "cart", "orders", "consents", "sendDecisions");
        assertThat(export.get("storefrontEvents")).asList().hasSize(4);
        assertThat(export.get("consents")).asList().hasSize(1);
        assertThat(String.valueOf(export.get("identities"))).contains(PHONE, EMAIL, visitor);
    }

    @Test
    void deadlinesFollowTheLaw() {
        var export = requests.open(admin, customer, DataRequest.Kind.EXPORT, "email", null);
        var erasure = requests.open(admin, customer, DataRequest.Kind.ERASURE, "email", null);

        assertThat(Duration.between(export.receivedAt(), export.dueAt())).isBetween(Duration.ofDays(12), Duration.ofDays(17));
        assertThat(Duration.between(erasure.receivedAt(), erasure.dueAt())).isEqualTo(Duration.ofDays(30));
        assertThat(export.overdue(Instant.now())).isFalse();
        assertThat(export.overdue(export.dueAt().plusSeconds(1))).isTrue();
    }

    @Test
    void stoppingProcessingWithdrawsConsentAndSuppressesTheCustomer() {
        requests.complete(admin, requests.open(admin, customer, DataRequest.Kind.STOP_PROCESSING, "letter", null).id());

        assertThat(jdbc().sql("select count(*) from suppression where customer_id = ?").param(customer.value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc().sql("select purpose from consent_record where customer_id = ? and not granted").param(customer.value())
                .query(String.class).list()).containsExactlyInAnyOrder("MARKETING", "PD_PROCESSING");
    }

    @Test
    void aRequestIsHandledOnce() {
        var request = requests.open(admin, customer, DataRequest.Kind.EXPORT, "email", null);
        requests.complete(admin, request.id());

        assertThatThrownBy(() -> requests.complete(admin, request.id())).hasMessageContaining("already been handled");
    }

    @Test
    void theApiServesRequestsOfItsOwnWorkspaceOnly() {
        var other = workspaces.create("Чужой");
        var api = Http.api(port);

        var opened = api.call("POST", "/api/v1/customers/" + customer + "/data-requests", tenant.apiKey(), "{\"kind\": \"EXPORT\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(api.call("POST", "/api/v1/customers/" + customer + "/data-requests", other.apiKey(), "{\"kind\": \"EXPORT\"}").statusCode())
                .isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/customers/" + customer + "/export", other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/customers/" + customer + "/export", tenant.apiKey(), null).body()).contains(EMAIL);
    }

    /** Every text or JSON column of every table, searched for each trace. */
    private List<String> tablesContaining(List<String> traces) {
        var columns = jdbc().sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying', 'json', 'ARRAY')""")
                .query((row, n) -> row.getString(1) + "." + row.getString(2)).list();
        var found = new ArrayList<String>();
        for (var column : columns) {
            var table = column.substring(0, column.indexOf('.'));
            var name = column.substring(column.indexOf('.') + 1);
            for (var trace : traces) {
                var hits = jdbc().sql("select count(*) from " + table + " where " + name + "::text ilike ?")
                        .param("%" + trace + "%").query(Integer.class).single();
                if (hits > 0) {
                    found.add(column + " contains " + trace);
                }
            }
        }
        return found;
    }

    private String ip() {
        return "198.51." + digits.substring(0, 3) + "." + digits.substring(3, 6);
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
