package io.beseda.bot;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's API as a shop's integration uses it: settings and texts, its own examples, its knowledge base. */
@BesedaTest
class BotApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JsonMapper json;

    @Test
    void settingsShowEveryTextAndKeepOnlyWhatTheShopRewrote() {
        var shop = workspaces.create("Бот по API");
        var api = Http.api(port);

        var fresh = read(api.call("GET", "/api/v1/bot/settings", shop.apiKey(), null).body());
        assertThat(fresh.get("enabled").asBoolean()).as("off until the shop switches it on").isFalse();
        assertThat(fresh.get("confidenceThreshold").asDouble()).isEqualTo(0.35);
        assertThat(fresh.get("texts").propertyNames()).containsExactlyElementsOf(BotTexts.DEFAULTS.keySet());
        var greeting = fresh.get("texts").get("greeting");
        assertThat(greeting.get("rewritten").asBoolean()).isFalse();
        assertThat(greeting.get("text").asString()).isEqualTo(BotTexts.DEFAULTS.get("greeting"));
        assertThat(greeting.get("placeholders").get(0).asString()).isEqualTo("{shop}");

        var saved = api.call("PUT", "/api/v1/bot/settings", shop.apiKey(), """
                {"enabled": true, "confidenceThreshold": 0.5,
                 "texts": {"greeting": "  Привет! Я бот {shop}.  ", "thanks": "%s", "goodbye": ""}}"""
                .formatted(BotTexts.DEFAULTS.get("thanks")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var after = read(api.call("GET", "/api/v1/bot/settings", shop.apiKey(), null).body());
        assertThat(after.get("enabled").asBoolean()).isTrue();
        assertThat(after.get("confidenceThreshold").asDouble()).isEqualTo(0.5);
        assertThat(after.get("texts").get("greeting").get("text").asString()).isEqualTo("Привет! Я бот {shop}.");
        assertThat(after.get("texts").get("greeting").get("rewritten").asBoolean()).isTrue();
        assertThat(after.get("texts").get("greeting").get("shipped").asString()).isEqualTo(BotTexts.DEFAULTS.get("greeting"));
        assertThat(after.get("texts").get("thanks").get("rewritten").asBoolean()).as("same as shipped").isFalse();
        assertThat(after.get("texts").get("goodbye").get("rewritten").asBoolean()).as("blank").isFalse();

        var switchedOff = api.call("PUT", "/api/v1/bot/settings", shop.apiKey(), "{\"enabled\": false, \"confidenceThreshold\": 0.4}");
        assertThat(read(switchedOff.body()).get("texts").get("greeting").get("rewritten").asBoolean())
                .as("without texts, the texts stay").isTrue();
        var replaced = api.call("PUT", "/api/v1/bot/settings", shop.apiKey(),
                "{\"enabled\": false, \"confidenceThreshold\": 0.4, \"texts\": {\"thanks\": \"Спасибо вам!\"}}");
        assertThat(read(replaced.body()).get("texts").get("greeting").get("rewritten").asBoolean())
                .as("texts are replaced as a whole: greeting is shipped again").isFalse();
        assertThat(read(replaced.body()).get("texts").get("thanks").get("text").asString()).isEqualTo("Спасибо вам!");

        var other = workspaces.create("Чужой бот по API");
        assertThat(read(api.call("GET", "/api/v1/bot/settings", other.apiKey(), null).body()).get("texts").get("thanks")
                .get("rewritten").asBoolean()).isFalse();
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheField() {
        var shop = workspaces.create("Бот: ошибки настроек");
        var api = Http.api(port);

        assertBadField(api.call("PUT", "/api/v1/bot/settings", shop.apiKey(), "{\"enabled\": true, \"confidenceThreshold\": 0.99}"),
                "confidenceThreshold");
        assertBadField(api.call("PUT", "/api/v1/bot/settings", shop.apiKey(), "{\"enabled\": true, \"confidenceThreshold\": 0.333}"),
                "confidenceThreshold");
        assertBadField(api.call("PUT", "/api/v1/bot/settings", shop.apiKey(), "{\"confidenceThreshold\": 0.5}"), "enabled");
        var unknown = api.call("PUT", "/api/v1/bot/settings", shop.apiKey(),
                "{\"enabled\": true, \"confidenceThreshold\": 0.5, \"texts\": {\"weather\": \"Солнечно\"}}");
        assertBadField(unknown, "texts.weather");
        assertThat(unknown.body()).as("the problem names the texts there are").contains("greeting", "handoff");
        assertBadField(api.call("PUT", "/api/v1/bot/settings", shop.apiKey(),
                "{\"enabled\": true, \"confidenceThreshold\": 0.5, \"texts\": {\"greeting\": \"" + "я".repeat(4001) + "\"}}"),
                "texts.greeting");

        assertThat(read(api.call("GET", "/api/v1/bot/settings", shop.apiKey(), null).body()).get("enabled").asBoolean())
                .as("nothing was saved").isFalse();
    }

    @Test
    void aShopTeachesTheBotItsCustomersPhrases() {
        var shop = workspaces.create("Бот: примеры по API");
        var api = Http.api(port);

        var added = api.call("POST", "/api/v1/bot/examples", shop.apiKey(),
                "{\"intent\": \"order_status\", \"text\": \"  когда\\nприедет моя посылочка \"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var example = read(added.body());
        assertThat(example.get("intent").asString()).isEqualTo("order_status");
        assertThat(example.get("text").asString()).isEqualTo("когда приедет моя посылочка");
        assertThat(api.call("POST", "/api/v1/bot/examples", shop.apiKey(),
                "{\"intent\": \"size_advice\", \"text\": \"подойдёт ли на 176 см\"}").statusCode()).isEqualTo(201);

        var again = api.call("POST", "/api/v1/bot/examples", shop.apiKey(), "{\"intent\": \"order_status\", \"text\": \"когда приедет моя посылочка\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("bot.example.duplicate");
        var unknown = api.call("POST", "/api/v1/bot/examples", shop.apiKey(), "{\"intent\": \"weather\", \"text\": \"будет дождь?\"}");
        assertBadField(unknown, "intent");
        assertThat(unknown.body()).as("the problem lists every intent id")
                .contains(Arrays.stream(Intent.values()).map(Intent::id).toList());
        assertBadField(api.call("POST", "/api/v1/bot/examples", shop.apiKey(), "{\"intent\": \"delivery\", \"text\": \" \"}"), "text");
        assertBadField(api.call("POST", "/api/v1/bot/examples", shop.apiKey(),
                "{\"intent\": \"delivery\", \"text\": \"" + "д".repeat(501) + "\"}"), "text");

        var list = read(api.call("GET", "/api/v1/bot/examples", shop.apiKey(), null).body());
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.valueStream().map(e -> e.get("intent").asString())).containsExactly("order_status", "size_advice");

        var id = example.get("id").asString();
        assertThat(api.call("DELETE", "/api/v1/bot/examples/" + id, shop.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/v1/bot/examples/" + id, shop.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/bot/examples/not-a-uuid", shop.apiKey(), null).statusCode()).isEqualTo(400);
        assertThat(read(api.call("GET", "/api/v1/bot/examples", shop.apiKey(), null).body()).size()).isEqualTo(1);
        assertThat(api.call("GET", "/api/v1/bot/examples", workspaces.create("Чужие примеры").apiKey(), null).body()).isEqualTo("[]");
    }

    @Test
    void aShopKeepsItsKnowledgeBaseByItsOwnIds() {
        var shop = workspaces.create("Бот: база знаний по API");
        var api = Http.api(port);
        var fitting = UUID.randomUUID();

        var created = api.call("PUT", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(),
                "{\"question\": \"Можно ли примерить перед оплатой?\", \"answer\": \"Да, курьер подождёт 15 минут.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var replaced = api.call("PUT", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(),
                "{\"question\": \"Можно ли примерить перед оплатой?\", \"answer\": \"Да, курьер подождёт 20 минут.\"}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(api.call("PUT", "/api/v1/bot/knowledge/" + UUID.randomUUID(), shop.apiKey(),
                "{\"question\": \"Есть ли подарочная упаковка?\", \"answer\": \"Да, 200 ₽.\"}").statusCode()).isEqualTo(201);

        var list = read(api.call("GET", "/api/v1/bot/knowledge", shop.apiKey(), null).body());
        assertThat(list.valueStream().map(e -> e.get("question").asString()))
                .as("by question").containsExactly("Есть ли подарочная упаковка?", "Можно ли примерить перед оплатой?");
        assertThat(list.get(1).get("answer").asString()).isEqualTo("Да, курьер подождёт 20 минут.");
        assertThat(list.get(1).get("id").asString()).isEqualTo(fitting.toString());

        assertBadField(api.call("PUT", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(), "{\"question\": \"Вопрос?\", \"answer\": \"\"}"),
                "answer");
        assertBadField(api.call("PUT", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(),
                "{\"question\": \"" + "в".repeat(501) + "\", \"answer\": \"Ответ\"}"), "question");
        assertThat(api.call("PUT", "/api/v1/bot/knowledge/fitting", shop.apiKey(), "{\"question\": \"В?\", \"answer\": \"О\"}")
                .statusCode()).as("ids are UUIDs").isEqualTo(400);

        var other = workspaces.create("Чужая база знаний");
        assertThat(api.call("PUT", "/api/v1/bot/knowledge/" + fitting, other.apiKey(),
                "{\"question\": \"Чужой вопрос\", \"answer\": \"Чужой ответ\"}").statusCode())
                .as("another workspace's id is not there").isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/bot/knowledge/" + fitting, other.apiKey(), null).statusCode()).isEqualTo(404);

        assertThat(api.call("DELETE", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/v1/bot/knowledge/" + fitting, shop.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(read(api.call("GET", "/api/v1/bot/knowledge", shop.apiKey(), null).body()).size()).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheBotAndNamesEveryIntent() {
        var document = read(Http.api(port).get("/api/docs/openapi.json").body());

        assertThat(document.get("paths").propertyNames()).contains("/api/v1/bot/settings", "/api/v1/bot/examples",
                "/api/v1/bot/examples/{intentExampleId}", "/api/v1/bot/knowledge", "/api/v1/bot/knowledge/{knowledgeEntryId}");
        var intent = document.get("components").get("schemas").get("NewExample").get("properties").get("intent");
        assertThat(intent.get("description").asString()).contains(Arrays.stream(Intent.values()).map(Intent::id).toList());
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    private void assertBadField(java.net.http.HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(read(response.body()).get("errors").valueStream().map(e -> e.get("field").asString())).as(response.body())
                .contains(field);
    }
}
