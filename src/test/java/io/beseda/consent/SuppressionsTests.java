package io.beseda.consent;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class SuppressionsTests {

    /** Noon in Yekaterinburg. */
    private static final Instant NOON = Instant.parse("2026-03-10T07:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    SendPolicy policy;

    @Autowired
    JsonMapper json;

    @Test
    void suppressedPhoneGetsNoServiceMessageButStillAReplyUntilTheSuppressionIsLifted() {
        var tenant = workspaces.create("Блокировки");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 916 555-12-34")), NOON).orElseThrow();
        var api = Http.api(port);

        var added = api.call("POST", "/api/v1/suppressions", tenant.apiKey(),
                "{\"channel\":\"SMS\",\"address\":\"8 (916) 555-12-34\",\"reason\":\"Жалоба абонента\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var suppression = json.readTree(added.body());
        assertThat(suppression.get("address").asString()).isEqualTo("+79165551234");
        assertThat(decide(shop, customer, Channel.SMS, MessageCategory.SERVICE).reason()).isEqualTo(DecisionReason.SUPPRESSED);
        assertThat(decide(shop, customer, Channel.SMS, MessageCategory.REPLY).allowed()).isTrue();
        assertThat(decide(shop, customer, Channel.EMAIL, MessageCategory.SERVICE).allowed()).as("another channel").isTrue();
        assertThat(api.call("GET", "/api/v1/suppressions", tenant.apiKey(), null).body()).contains("Жалоба абонента");

        var lifted = api.call("DELETE", "/api/v1/suppressions/" + suppression.get("id").asString(), tenant.apiKey(), null);

        assertThat(lifted.statusCode()).isEqualTo(204);
        assertThat(decide(shop, customer, Channel.SMS, MessageCategory.SERVICE).allowed()).isTrue();
    }

    @Test
    void suppressingACustomerCoversEveryChannelWhenNoneIsNamed() {
        var tenant = workspaces.create("Блокировка покупателя");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.email("legal-hold@example.ru")), NOON).orElseThrow();

        var added = Http.api(port).call("POST", "/api/v1/suppressions", tenant.apiKey(),
                "{\"customerId\":\"" + customer + "\",\"reason\":\"Требование юриста\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        for (var channel : Channel.values()) {
            assertThat(decide(shop, customer, channel, MessageCategory.SERVICE).outcome()).as(channel.name())
                    .isEqualTo(SendDecision.Outcome.DENY);
        }
    }

    @Test
    void suppressionNeedsAnAddressOrACustomer() {
        var tenant = workspaces.create("Пустая блокировка");

        var response = Http.api(port).call("POST", "/api/v1/suppressions", tenant.apiKey(), "{\"reason\":\"просто так\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("suppression.target-required");
    }

    private SendDecision decide(WorkspaceId shop, CustomerId customer, Channel channel,
                                MessageCategory category) {
        return policy.decide(shop, new SendRequest(customer, channel, category, NOON, false, null, null), "test");
    }
}
