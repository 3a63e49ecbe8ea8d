package io.beseda.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/messages as an integration sends, and the sandbox phone as an operator checks it. */
@BesedaTest
class MessagesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void aMessageQueuedThroughTheApiReachesTheSandboxPhoneAsText() {
        var tenant = workspaces.create("API сообщений");
        var ws = tenant.workspace().id();
        var customer = customers.resolve(ws, List.of(Identity.phone("+7 903 555-01-02")), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        var api = Http.api(port);
        var body = """
                {"customerId": "%s", "channel": "SMS", "category": "SERVICE", "idempotencyKey": "order-7",
                 "text": "Заказ №7 <script>alert(1)</script> передан курьеру"}""".formatted(customer);

        var queued = api.call("POST", "/api/v1/messages", tenant.apiKey(), body);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(api.call("POST", "/api/v1/messages", tenant.apiKey(), body).body()).as("same key, same message")
                .isEqualTo(queued.body());
        dispatcher.dispatchDue();

        var location = Http.location(queued);
        assertThat(api.call("GET", location, tenant.apiKey(), null).body()).contains("\"status\":\"SENT\"");
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
        var phone = console.get("/sandbox").body();
        assertThat(phone).contains("Заказ №7 &lt;script&gt;alert(1)&lt;/script&gt; передан курьеру").doesNotContain("<script>alert");
    }

    @Test
    void anotherWorkspacesCustomerOrABadRequestIsRefused() {
        var mine = workspaces.create("Мои сообщения");
        var theirs = workspaces.create("Чужие сообщения");
        var stranger = customers.resolve(theirs.workspace().id(), List.of(Identity.email("x@their.example")), Instant.now()).orElseThrow();
        var api = Http.api(port);

        assertThat(api.call("POST", "/api/v1/messages", mine.apiKey(), """
                {"customerId": "%s", "channel": "SMS", "category": "SERVICE", "idempotencyKey": "a", "text": "x"}""".formatted(stranger))
                .statusCode()).isEqualTo(404);
        var bad = api.call("POST", "/api/v1/messages", mine.apiKey(), """
                {"customerId": "%s", "channel": "PIGEON", "category": "SERVICE", "idempotencyKey": "a", "text": "x"}""".formatted(stranger));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("channel");
    }
}
