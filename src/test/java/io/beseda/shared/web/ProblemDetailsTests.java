package io.beseda.shared.web;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a clear RFC 9457 answer naming what to fix; nothing leaks a stack trace. */
@BesedaTest
class ProblemDetailsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void malformedJsonIsA400() {
        var problem = call("POST", "/api/v1/users", "{\"email\": ", 400);

        assertThat(problem.get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(problem.get("detail").asString()).contains("line 1");
    }

    @Test
    void failedValidationNamesTheField() {
        var problem = call("POST", "/api/v1/users",
                "{\"email\":\"not-an-email\",\"displayName\":\"Ольга\",\"role\":\"OPERATOR\",\"password\":\"long enough pw\"}", 400);

        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void aValueOfTheWrongKindNamesTheField() {
        var problem = call("POST", "/api/v1/users",
                "{\"email\":\"a@shop.example\",\"displayName\":\"Ольга\",\"role\":\"CASHIER\",\"password\":\"long enough pw\"}", 400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void anUnknownIdIsA404() {
        var problem = call("GET", "/api/v1/users/" + UUID.randomUUID(), null, 404);

        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
    }

    @Test
    void aMalformedIdIsA400NamingTheParameter() {
        var problem = call("GET", "/api/v1/api-keys/12345", null, 400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("keyId");
    }

    @Test
    void unknownAddressesAndMethodsAreProblemsToo() {
        assertThat(call("GET", "/api/v1/no-such-thing", null, 404).get("status").asInt()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/users", "{}", 405).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void aRuleViolationIsA409WithItsCode() {
        var problem = call("PATCH", "/api/v1/users/" + tenantOwner(), "{\"enabled\":false}", 409);

        assertThat(problem.get("code").asString()).isEqualTo("user.owner.only");
    }

    private String tenantOwner() {
        return tenant.owner().id().toString();
    }

    private TestWorkspaces.Tenant tenant;

    @BeforeEach
    void newWorkspace() {
        tenant = workspaces.create("Ошибки API");
    }

    private JsonNode call(String method, String path, String body, int status) {
        var response = Http.api(port).call(method, path, tenant.apiKey(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "io.beseda.");
        return json.readTree(response.body());
    }
}
