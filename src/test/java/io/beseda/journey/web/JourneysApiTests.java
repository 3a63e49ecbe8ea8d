package io.beseda.journey.web;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyJson;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/journeys as a shop's system uses it: drafts, launch, lifecycle and statistics. */
@BesedaTest
class JourneysApiTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JourneyCatalog catalog;

    @Autowired
    JourneyJson journeyJson;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Tenant tenant;
    Http api;

    @BeforeEach
    void shop() {
        tenant = workspaces.create("API путей");
        api = Http.api(port);
    }

    @Test
    void aJourneyIsCreatedReadUpdatedLaunchedPausedResumedAndArchived() {
        var body = "{\"name\": \"Статус заказа\", \"definition\": " + journeyJson.write(ShippedJourneys.orderStatus()) + "}";

        var created = api.call("POST", "/api/v1/journeys", tenant.apiKey(), body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = tree(created.body()).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/journeys/" + id);
        var one = tree(api.call("GET", "/api/v1/journeys/" + id, tenant.apiKey(), null).body());
        assertThat(one.get("status").asString()).isEqualTo("DRAFT");
        assertThat(one.get("problems").isEmpty()).isTrue();
        assertThat(one.at("/definition/trigger/type").asString()).isEqualTo("order_status_changed");
        assertThat(one.at("/definition/steps/1/channels/0").asString()).isEqualTo("TELEGRAM");

        var launched = api.call("POST", "/api/v1/journeys/" + id + "/launch", tenant.apiKey(), null);
        assertThat(launched.statusCode()).isEqualTo(200);
        assertThat(tree(launched.body()).get("liveVersion").asInt()).isEqualTo(1);

        var renamed = api.call("PUT", "/api/v1/journeys/" + id, tenant.apiKey(),
                body.replace("\"Статус заказа\"", "\"Статус заказа 2\""));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(tree(renamed.body()).get("draftVersion").asInt()).isEqualTo(2);
        assertThat(tree(renamed.body()).get("versions").size()).isEqualTo(2);
        var moved = api.call("POST", "/api/v1/journeys/" + id + "/launch?moveInside=true", tenant.apiKey(), null);
        assertThat(tree(moved.body()).get("liveVersion").asInt()).isEqualTo(2);

        assertThat(tree(api.call("POST", "/api/v1/journeys/" + id + "/pause", tenant.apiKey(), null).body()).get("status").asString())
                .isEqualTo("PAUSED");
        assertThat(tree(api.call("POST", "/api/v1/journeys/" + id + "/resume", tenant.apiKey(), null).body()).get("status").asString())
                .isEqualTo("ACTIVE");
        var list = tree(api.call("GET", "/api/v1/journeys", tenant.apiKey(), null).body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Статус заказа 2");
        assertThat(api.call("DELETE", "/api/v1/journeys/" + id, tenant.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(tree(api.call("GET", "/api/v1/journeys", tenant.apiKey(), null).body()).size()).isZero();
    }

    @Test
    void anUnreadableDefinitionIsA400WithItsProblems() {
        var response = api.call("POST", "/api/v1/journeys", tenant.apiKey(), """
                {"name": "Сломанный", "definition": {"trigger": {"type": "cart_abandoned", "idle": "PT0S"}, "steps": []}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        var problem = tree(response.body());
        assertThat(problem.get("problems").get(0).asString()).startsWith("Описание пути не читается");
        assertThat(catalog.list(tenant.workspace().id())).isEmpty();
    }

    @Test
    void aDraftWithDeadEndsSavesButDoesNotLaunch() {
        var response = api.call("POST", "/api/v1/journeys", tenant.apiKey(), """
                {"name": "Тупик", "definition": {"trigger": {"type": "api"},
                 "steps": [{"type": "delay", "id": "wait", "name": "Пауза", "duration": "PT1H", "next": "nowhere"}],
                 "entry": {"kind": "EVERY_TIME"}, "category": "MARKETING", "messageCap": 1, "capPeriod": "P1D", "activeQuietFor": "PT0S"}}""");
        assertThat(response.statusCode()).isEqualTo(201);
        var id = tree(response.body()).get("id").asString();
        assertThat(tree(response.body()).get("problems").toString()).contains("несуществующий шаг «nowhere»");

        var launch = api.call("POST", "/api/v1/journeys/" + id + "/launch", tenant.apiKey(), null);

        assertThat(launch.statusCode()).isEqualTo(400);
        assertThat(tree(launch.body()).get("problems").toString()).contains("несуществующий шаг «nowhere»", "нет ни одной отправки");
    }

    @Test
    void statsCountWhatEachStepDidAndHowTheVariantsConverted() {
        var journey = catalog.create(Actor.system(tenant.workspace().id(), "test"), "Корзина",
                ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), null);
        var history = new JourneyHistory(jdbc, tenant.workspace().id(), journey.id(), 1, clock.instant());
        var anna = history.customer("Анна");
        var boris = history.customer("Борис");
        var annasRun = history.run(anna, "ACTIVE", null);
        var borisRun = history.run(boris, "ACTIVE", null);
        history.sent(annasRun, anna, "push", "PUSH", "READ", null);
        history.sent(borisRun, boris, "push", "PUSH", "FAILED", "NO_MARKETING_CONSENT");
        var deferred = history.sent(annasRun, anna, "sms", "SMS", "DELIVERED", null);
        history.deferred(deferred, anna);
        history.converted(annasRun, "sms", "4990.50");
        history.clicked(annasRun, anna, "sms");
        history.clicked(annasRun, anna, "sms");

        var stats = tree(api.call("GET", "/api/v1/journeys/" + journey.id() + "/stats", tenant.apiKey(), null).body());

        assertThat(stats.get("version").asInt()).isEqualTo(1);
        assertThat(stats.get("entered").asInt()).isEqualTo(2);
        assertThat(stats.get("converted").asInt()).isEqualTo(1);
        var push = stats.get("steps").get(0);
        assertThat(push.get("stepId").asString()).isEqualTo("push");
        assertThat(push.get("entered").asInt()).isEqualTo(2);
        assertThat(push.get("sent").asInt()).isEqualTo(1);
        assertThat(push.get("read").asInt()).isEqualTo(1);
        assertThat(push.get("denied").asInt()).isEqualTo(1);
        assertThat(push.at("/deniedBy/NO_MARKETING_CONSENT").asInt()).isEqualTo(1);
        var sms = stats.get("steps").get(4);
        assertThat(sms.get("stepId").asString()).isEqualTo("sms");
        assertThat(sms.get("deferred").asInt()).isEqualTo(1);
        assertThat(sms.get("delivered").asInt()).isEqualTo(1);
        assertThat(sms.get("read").asInt()).isZero();
        assertThat(sms.get("clicked").asInt()).as("a customer coming back twice counts once").isEqualTo(1);
        assertThat(sms.get("converted").asInt()).isEqualTo(1);
        assertThat(sms.get("revenue").decimalValue()).isEqualByComparingTo("4990.50");
    }

    @Test
    void theShopsSystemEntersACustomerOnceByTheEntryRule() {
        var body = """
                {"name": "Вход по API", "definition": {"trigger": {"type": "api"},
                 "steps": [{"type": "send", "id": "hello", "name": "Привет", "channels": ["SMS"],
                            "messages": {"SMS": {"body": "Заказ {{ event.order }} принят"}}, "bestChannel": false}],
                 "entry": {"kind": "ONCE"}, "category": "SERVICE", "messageCap": 2, "capPeriod": "P1D", "activeQuietFor": "PT0S"}}""";
        var id = tree(api.call("POST", "/api/v1/journeys", tenant.apiKey(), body).body()).get("id").asString();
        var customer = new JourneyHistory(jdbc, tenant.workspace().id(), UUID.fromString(id), 1, clock.instant()).customer("Глеб");
        var entry = "{\"customerId\": \"" + customer + "\", \"facts\": {\"order\": \"A-17\"}}";

        var draft = api.call("POST", "/api/v1/journeys/" + id + "/entries", tenant.apiKey(), entry);
        assertThat(draft.statusCode()).as("a draft takes nobody").isEqualTo(409);

        api.call("POST", "/api/v1/journeys/" + id + "/launch", tenant.apiKey(), null);
        var entered = api.call("POST", "/api/v1/journeys/" + id + "/entries", tenant.apiKey(), entry);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        var runId = tree(entered.body()).get("runId").asString();
        assertThat(jdbc.sql("select customer_id from journey_run where id = ?::uuid").param(runId).query(UUID.class).single())
                .isEqualTo(customer);

        var again = api.call("POST", "/api/v1/journeys/" + id + "/entries", tenant.apiKey(), entry);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(tree(again.body()).get("entered").asBoolean()).isFalse();

        var stranger = api.call("POST", "/api/v1/journeys/" + id + "/entries", tenant.apiKey(),
                "{\"customerId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    @Test
    void aJourneyWithItsOwnTriggerTakesNoApiEntries() {
        var journey = catalog.create(Actor.system(tenant.workspace().id(), "test"), "Корзина",
                ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), null);
        catalog.launch(Actor.system(tenant.workspace().id(), "test"), journey.id(), false, java.util.List.of());
        var customer = new JourneyHistory(jdbc, tenant.workspace().id(), journey.id(), 1, clock.instant()).customer("Дина");

        var response = api.call("POST", "/api/v1/journeys/" + journey.id() + "/entries", tenant.apiKey(),
                "{\"customerId\": \"" + customer + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(tree(response.body()).get("code").asString()).isEqualTo("journey.not-api");
    }

    @Test
    void theDocumentedExampleIsAJourneyReadyToLaunch() throws java.io.IOException {
        var docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/journeys/console.md"));
        var example = docs.substring(docs.indexOf("```json") + 7, docs.indexOf("```", docs.indexOf("```json") + 7));

        var created = api.call("POST", "/api/v1/journeys", tenant.apiKey(), "{\"name\": \"Из документации\", \"definition\": " + example + "}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(tree(created.body()).get("problems").isEmpty()).as(created.body()).isTrue();
    }

    @Test
    void aTestRunReturnsTheTimeline() {
        var journey = catalog.create(Actor.system(tenant.workspace().id(), "test"), "Статус", ShippedJourneys.orderStatus(), null);
        var customer = new JourneyHistory(jdbc, tenant.workspace().id(), journey.id(), 1, clock.instant()).customer("Жанна");

        var response = api.call("POST", "/api/v1/journeys/" + journey.id() + "/test-runs", tenant.apiKey(),
                "{\"customerId\": \"" + customer + "\", \"undelivered\": [\"TELEGRAM\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var timeline = tree(response.body()).get("timeline");
        assertThat(timeline.get(0).get("what").asString()).isEqualTo("вход в путь");
        assertThat(timeline.toString()).contains("\"stepId\":\"status\"");
        assertThat(api.call("POST", "/api/v1/journeys/" + journey.id() + "/test-runs", tenant.apiKey(),
                "{\"customerId\": \"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheJourneysApi() {
        var document = api.get("/api/docs/openapi.json");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/journeys", "/api/v1/journeys/{journeyId}/launch",
                "/api/v1/journeys/{journeyId}/stats", "/api/v1/journeys/{journeyId}/test-runs", "/api/v1/journeys/{journeyId}/entries");
    }

    @Test
    void anotherWorkspacesCustomerIsNeitherTestedNorEntered() {
        var other = workspaces.create("Чужой магазин");
        var stranger = new JourneyHistory(jdbc, other.workspace().id(), UUID.randomUUID(), 1, clock.instant()).customer("Чужой");
        var actor = Actor.system(tenant.workspace().id(), "test");
        var journey = catalog.create(actor, "По API", journeyJson.read("""
                {"trigger": {"type": "api"}, "steps": [{"type": "send", "id": "hello", "name": "Привет", "channels": ["SMS"],
                 "messages": {"SMS": {"body": "Здравствуйте"}}, "bestChannel": false}],
                 "entry": {"kind": "EVERY_TIME"}, "category": "SERVICE", "messageCap": 1, "capPeriod": "P1D", "activeQuietFor": "PT0S"}"""), null);
        catalog.launch(actor, journey.id(), false, java.util.List.of());
        var body = "{\"customerId\": \"" + stranger + "\"}";

        assertThat(api.call("POST", "/api/v1/journeys/" + journey.id() + "/test-runs", tenant.apiKey(), body).statusCode()).isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/journeys/" + journey.id() + "/entries", tenant.apiKey(), body).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from journey_run where customer_id = ?").param(stranger).query(Long.class).single()).isZero();
    }

    @Test
    void unknownIdsAre404() {
        var unknown = UUID.randomUUID();
        assertThat(api.call("GET", "/api/v1/journeys/" + unknown, tenant.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/journeys/" + unknown + "/launch", tenant.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/journeys/" + unknown + "/stats", tenant.apiKey(), null).statusCode()).isEqualTo(404);
    }

    private JsonNode tree(String body) {
        return json.readTree(body);
    }
}
