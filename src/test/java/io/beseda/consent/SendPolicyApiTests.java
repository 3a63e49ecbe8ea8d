package io.beseda.consent;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class SendPolicyApiTests {

    /** 22:30 in Yekaterinburg (the test workspaces' zone), 19:30 in Kaliningrad. */
    private static final String EVENING = "2026-03-10T17:30:00Z";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void newWorkspaceGetsCommonRussianRetailDefaults() {
        var tenant = workspaces.create("Умолчания");

        var policy = json.readTree(Http.api(port).call("GET", "/api/v1/send-policy", tenant.apiKey(), null).body());

        assertThat(policy.get("organisationType").asString()).isEqualTo("OTHER");
        assertThat(policy.get("restrictedChannels").toString()).isEqualTo("[\"TELEGRAM\",\"WHATSAPP\",\"VIBER\"]");
        assertThat(policy.get("marketingPerDay").asInt()).isEqualTo(2);
        assertThat(policy.get("marketingPerWeek").asInt()).isEqualTo(5);
        assertThat(policy.get("quietFrom").asString()).isEqualTo("21:00");
        assertThat(policy.get("quietTo").asString()).isEqualTo("09:00");
        assertThat(policy.get("serviceInQuietHours").asBoolean()).isTrue();
    }

    @Test
    void replacingThePolicyIsValidatedAndAudited() {
        var tenant = workspaces.create("Замена политики");
        var api = Http.api(port);

        var negative = api.call("PUT", "/api/v1/send-policy", tenant.apiKey(), policy("-1", "22:00"));
        var badTime = api.call("PUT", "/api/v1/send-policy", tenant.apiKey(), policy("3", "25:00"));
        var saved = api.call("PUT", "/api/v1/send-policy", tenant.apiKey(), policy("3", "22:00"));

        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("marketingPerDay");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("quietFrom", "HH:mm");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var policy = json.readTree(api.call("GET", "/api/v1/send-policy", tenant.apiKey(), null).body());
        assertThat(policy.get("organisationType").asString()).isEqualTo("BANK");
        assertThat(policy.get("restrictedChannels").toString()).isEqualTo("[\"WHATSAPP\",\"VK\"]");
        assertThat(policy.get("marketingPerDay").asInt()).isEqualTo(3);
        assertThat(policy.get("quietFrom").asString()).isEqualTo("22:00");
        assertThat(jdbc.sql("select count(*) from audit_log where workspace_id = ? and action = 'send-policy.updated' and actor = 'API_KEY:test key'")
                .param(tenant.workspace().id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void dryRunUsesTheCustomersZoneOrElseTheWorkspacesAndIsKeptAsADryRun() {
        var tenant = workspaces.create("Пробная отправка");
        var shop = tenant.workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        var api = Http.api(port);
        var check = "{\"customerId\":\"" + customer + "\",\"channel\":\"SMS\",\"category\":\"MARKETING\",\"at\":\"" + EVENING + "\"}";

        var inShopZone = json.readTree(api.call("POST", "/api/v1/send-policy/check", tenant.apiKey(), check).body());
        jdbc.sql("update customer set time_zone = 'Europe/Kaliningrad' where id = ?").param(customer.value()).update();
        var inOwnZone = json.readTree(api.call("POST", "/api/v1/send-policy/check", tenant.apiKey(), check).body());

        assertThat(inShopZone.get("outcome").asString()).isEqualTo("DEFER");
        assertThat(inShopZone.get("reason").asString()).isEqualTo("QUIET_HOURS");
        assertThat(inShopZone.get("deferUntil").asString()).isEqualTo("2026-03-11T04:00:00Z");
        assertThat(inShopZone.get("dryRun").asBoolean()).isTrue();
        assertThat(inShopZone.get("decidedFor").asString()).isEqualTo(EVENING);
        assertThat(inOwnZone.get("outcome").asString()).isEqualTo("ALLOW");
        var decisions = json.readTree(api.call("GET", "/api/v1/customers/" + customer + "/send-decisions", tenant.apiKey(), null).body());
        assertThat(decisions).hasSize(2).allSatisfy(d -> assertThat(d.get("dryRun").asBoolean()).isTrue());
        assertThat(decisions.get(0).get("decidedBy").asString()).isEqualTo("test key");
    }

    @Test
    void dryRunRefusesAnIncompleteRequest() {
        var tenant = workspaces.create("Неполная проверка");
        var customer = fixtures.customer(tenant.workspace().id());

        var response = Http.api(port).call("POST", "/api/v1/send-policy/check", tenant.apiKey(),
                "{\"customerId\":\"" + customer + "\",\"channel\":\"PIGEON\",\"category\":\"MARKETING\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("channel");
    }

    private static String policy(String perDay, String quietFrom) {
        return """
                {"organisationType":"BANK","restrictedChannels":["VK","WHATSAPP"],"marketingPerDay":%s,"marketingPerWeek":6,
                 "marketingPerDayPerChannel":1,"marketingPerWeekPerChannel":3,"quietFrom":"%s","quietTo":"08:00",
                 "serviceInQuietHours":false}""".formatted(perDay, quietFrom);
    }
}
