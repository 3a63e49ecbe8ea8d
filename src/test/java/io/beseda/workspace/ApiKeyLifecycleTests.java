package io.beseda.workspace;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.apikey.ApiKeys;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class ApiKeyLifecycleTests {

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret-value\">(bsd_[A-Za-z0-9_-]{43})</code>");
    private static final Pattern REVOKE = Pattern.compile("action=\"(/settings/api-keys/[0-9a-f-]{36}/revoke)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ApiKeys keys;

    @Test
    void keyCreatedInTheConsoleWorksUntilItIsRevoked() {
        var tenant = workspaces.create("Ключи");
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var created = console.submit("/settings/api-keys", "/settings/api-keys", Map.of("name", "CRM"));
        assertThat(location(created)).endsWith("/settings/api-keys");
        var page = console.get("/settings/api-keys").body();
        var secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the new key is shown once").isTrue();
        assertThat(console.get("/settings/api-keys").body()).as("and only once").doesNotContain(secret.group(1));

        var api = Http.api(port);
        var workspace = api.call("GET", "/api/v1/workspace", secret.group(1), null);
        assertThat(workspace.statusCode()).isEqualTo(200);
        assertThat(workspace.body()).contains("\"slug\":\"" + tenant.workspace().slug() + "\"");
        assertThat(keys.list(tenant.workspace().id()))
                .filteredOn(k -> k.name().equals("CRM")).singleElement()
                .satisfies(k -> assertThat(k.lastUsedAt()).isNotNull());

        var revoke = REVOKE.matcher(console.get("/settings/api-keys").body());
        var crmRow = revoke.results().map(m -> m.group(1))
                .filter(action -> keys.list(tenant.workspace().id()).stream()
                        .anyMatch(k -> k.name().equals("CRM") && action.contains(k.id().toString())))
                .findFirst().orElseThrow();
        console.submit("/settings/api-keys", crmRow, Map.of());

        var refused = api.call("GET", "/api/v1/workspace", secret.group(1), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.call("GET", "/api/v1/workspace", tenant.apiKey(), null).statusCode())
                .as("other keys keep working").isEqualTo(200);
    }

    @Test
    void keyIssuedThroughTheApiIsShownOnceAndCanBeRevokedThroughTheApi() {
        var tenant = workspaces.create("Ключи через API");
        var api = Http.api(port);

        var issued = api.call("POST", "/api/v1/api-keys", tenant.apiKey(), "{\"name\":\"Склад\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        var secret = Pattern.compile("\"secret\":\"(bsd_[^\"]+)\"").matcher(issued.body());
        assertThat(secret.find()).isTrue();
        var id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(issued.body());
        assertThat(id.find()).isTrue();

        assertThat(api.call("GET", "/api/v1/api-keys", tenant.apiKey(), null).body())
                .contains("Склад").doesNotContain(secret.group(1));
        assertThat(api.call("GET", "/api/v1/users", secret.group(1), null).statusCode()).isEqualTo(200);

        assertThat(api.call("DELETE", "/api/v1/api-keys/" + id.group(1), tenant.apiKey(), null).statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/users", secret.group(1), null).statusCode()).isEqualTo(401);
    }

    @Test
    void twoActiveKeysCannotShareAName() {
        var tenant = workspaces.create("Имена ключей");
        var api = Http.api(port);

        var duplicate = api.call("POST", "/api/v1/api-keys", tenant.apiKey(), "{\"name\":\"test key\"}");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("api-key.name.taken");
    }

    @Test
    void missingMalformedAndUnknownKeysAreRefused() {
        var api = Http.api(port);

        assertThat(api.call("GET", "/api/v1/workspace", null, null).statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/workspace", "not-a-key", null).statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/workspace", "bsd_" + "A".repeat(43), null).statusCode()).isEqualTo(401);
    }
}
