package io.beseda.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

/** Messenger accounts over the API, with the sandbox provider. */
@BesedaTest
class MessengerAccountsApiTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;

    @Test
    void an_account_is_connected_read_with_its_secret_masked_updated_without_losing_it_checked_and_switched_off() {
        var shop = workspaces.create("Мессенджеры API");
        var api = Http.api(port);
        var created = api.call("POST", "/api/v1/messenger-accounts", shop.apiKey(),
                "{\"provider\":\"sandbox\",\"channel\":\"VIBER\",\"name\":\"Вайбер\",\"settings\":{\"webhookSecret\":\"top-secret-1\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"channel\":\"VIBER\"", "/webhooks/sandbox/", "\"enabled\":true").doesNotContain("top-secret-1");
        var path = Http.location(created).replaceFirst("^https?://[^/]+", "");

        var updated = api.call("PUT", path, shop.apiKey(), "{\"name\":\"Viber магазина\",\"settings\":{}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        var id = java.util.UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        assertThat(accounts.find(shop.workspace().id(), id).orElseThrow().settings()).containsEntry("webhookSecret", "top-secret-1");

        assertThat(api.call("POST", path + "/test", shop.apiKey(), null).body()).contains("\"ok\":true", "Песочница");
        assertThat(api.call("POST", path + "/webhook", shop.apiKey(), null).body()).contains(path.replace("/api/v1/messenger-accounts", "/webhooks/sandbox"));
        assertThat(api.call("PUT", path + "/enabled", shop.apiKey(), "{\"enabled\":false}").body()).contains("\"enabled\":false");
        assertThat(api.call("GET", "/api/v1/messenger-accounts", shop.apiKey(), null).body()).contains("Viber магазина");
    }

    @Test
    void a_provider_that_is_no_messenger_or_a_missing_channel_is_a_bad_field() {
        var shop = workspaces.create("Мессенджеры API ошибки");
        var api = Http.api(port);
        assertThat(api.call("POST", "/api/v1/messenger-accounts", shop.apiKey(), "{\"provider\":\"webchat\",\"name\":\"x\"}").body())
                .contains("provider");
        var noChannel = api.call("POST", "/api/v1/messenger-accounts", shop.apiKey(), "{\"provider\":\"sandbox\",\"name\":\"x\"}");
        assertThat(noChannel.statusCode()).isEqualTo(400);
        assertThat(noChannel.body()).contains("channel");
        assertThat(api.call("POST", "/api/v1/messenger-accounts", shop.apiKey(), "{\"provider\":\"sandbox\",\"channel\":\"WEBCHAT\",\"name\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.call("POST", "/api/v1/messenger-accounts", shop.apiKey(), "{\"name\":\"x\"}").statusCode()).isEqualTo(400);
    }
}
