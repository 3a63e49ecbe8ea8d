package io.beseda.consent;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class CustomerConsentsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    JsonMapper json;

    @Test
    void grantRecordedThroughTheApiShowsInHistoryAndInTheExportWithItsText() {
        var tenant = workspaces.create("API согласий");
        var customer = fixtures.customer(tenant.workspace().id());
        var api = Http.api(port);
        var text = api.call("POST", "/api/v1/consent-texts", tenant.apiKey(),
                "{\"purpose\":\"MARKETING\",\"version\":\"v7\",\"body\":\"Согласен на рекламу по e-mail.\"}");
        assertThat(text.statusCode()).isEqualTo(201);

        var granted = api.call("POST", "/api/v1/customers/" + customer + "/consents", tenant.apiKey(), """
                {"purpose":"MARKETING","channel":"EMAIL","address":"Anna@Example.RU","granted":true,"textVersion":"v7",
                 "source":"CHECKOUT","ip":"198.51.100.4","device":"Safari","proof":{"orderId":"A-1001"}}""");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        var record = json.readTree(granted.body());
        assertThat(record.get("address").asString()).isEqualTo("anna@example.ru");
        assertThat(record.get("recordedBy").asString()).isEqualTo("test key");
        assertThat(record.get("textSha256").asString()).isEqualTo(json.readTree(text.body()).get("sha256").asString());

        var consents = json.readTree(api.call("GET", "/api/v1/customers/" + customer + "/consents", tenant.apiKey(), null).body());
        assertThat(consents.get("current").get(0).get("status").asString()).isEqualTo("GRANTED");
        assertThat(consents.get("history")).hasSize(1);

        var export = api.call("GET", "/api/v1/customers/" + customer + "/consents/export", tenant.apiKey(), null);
        assertThat(export.statusCode()).isEqualTo(200);
        var proof = json.readTree(export.body());
        assertThat(proof.get("records").get(0).get("proof").get("orderId").asString()).isEqualTo("A-1001");
        assertThat(proof.get("texts").get(0).get("body").asString()).isEqualTo("Согласен на рекламу по e-mail.");
        assertThat(proof.get("exportedBy").asString()).isEqualTo("test key");
    }

    @Test
    void refusesAGrantWithoutTextAndSourcesOnlyBesedaRecords() {
        var tenant = workspaces.create("Проверка согласий");
        var customer = fixtures.customer(tenant.workspace().id());
        var api = Http.api(port);

        var noText = api.call("POST", "/api/v1/customers/" + customer + "/consents", tenant.apiKey(),
                "{\"purpose\":\"MARKETING\",\"channel\":\"SMS\",\"granted\":true,\"source\":\"API\"}");
        var stop = api.call("POST", "/api/v1/customers/" + customer + "/consents", tenant.apiKey(),
                "{\"purpose\":\"MARKETING\",\"channel\":\"SMS\",\"granted\":false,\"source\":\"STOP\"}");
        var noSource = api.call("POST", "/api/v1/customers/" + customer + "/consents", tenant.apiKey(),
                "{\"purpose\":\"MARKETING\",\"channel\":\"SMS\",\"granted\":false}");

        assertThat(noText.statusCode()).isEqualTo(409);
        assertThat(noText.body()).contains("consent.text-required");
        assertThat(stop.statusCode()).isEqualTo(400);
        assertThat(stop.body()).contains("STOP and UNSUBSCRIBE_LINK are recorded by Beseda itself");
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(noSource.body()).contains("source");
    }

    @Test
    void anotherWorkspacesCustomerIsNotFound() {
        var mine = workspaces.create("Свой");
        var theirs = workspaces.create("Чужой");
        var stranger = fixtures.customer(theirs.workspace().id());
        fixtures.grantMarketing(theirs.workspace().id(), stranger, Channel.SMS);
        var api = Http.api(port);

        for (var path : new String[]{"/consents", "/consents/export", "/send-decisions"}) {
            var response = api.call("GET", "/api/v1/customers/" + stranger + path, mine.apiKey(), null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("GRANTED");
        }
        assertThat(api.call("POST", "/api/v1/customers/" + stranger + "/consents", mine.apiKey(),
                "{\"purpose\":\"MARKETING\",\"channel\":\"SMS\",\"granted\":false,\"source\":\"API\"}").statusCode())
                .isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/send-policy/check", mine.apiKey(),
                "{\"customerId\":\"" + stranger + "\",\"channel\":\"SMS\",\"category\":\"MARKETING\"}").statusCode())
                .isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/suppressions", mine.apiKey(),
                "{\"customerId\":\"" + stranger + "\",\"reason\":\"жалоба\"}").statusCode()).isEqualTo(404);
        assertThat(json.readTree(api.call("GET", "/api/v1/customers/" + stranger + "/consents", theirs.apiKey(), null).body())
                .get("history")).as("their ledger is untouched").hasSize(1);
    }
}
