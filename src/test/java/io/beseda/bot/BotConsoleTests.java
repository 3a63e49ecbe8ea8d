package io.beseda.bot;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class BotConsoleTests {

    private static final String HOSTILE = "<script>alert('бот')</script>";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    BotSettings settings;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    IntentExamples examples;

    @Test
    void aMarketerSwitchesTheBotOnAndRewritesWhatItSays() {
        var shop = workspaces.create("Бот в консоли");
        var ws = shop.workspace().id();
        var marketer = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.MARKETER).email());

        var page = marketer.get("/bot");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Бот выключен", "data-text=\"greeting\"", "data-text=\"handoff\"",
                "Бот подставит: {shop}");

        assertThat(marketer.postFragment("/bot/settings", Map.of("enabled", "true", "threshold", "0.6")).statusCode()).isEqualTo(302);
        assertThat(settings.of(ws).enabled()).isTrue();
        assertThat(settings.of(ws).confidenceThreshold()).isEqualTo(0.6);
        assertThat(marketer.get("/bot").body()).contains("Настройки бота сохранены", "Бот включён", "60");
        assertThat(marketer.postFragment("/bot/settings", Map.of("threshold", "2")).statusCode()).isEqualTo(302);
        assertThat(marketer.get("/bot").body()).contains("Порог уверенности — число от 0,05 до 0,95");
        assertThat(settings.of(ws).enabled()).as("a refused change changes nothing").isTrue();

        var form = new java.util.HashMap<String, String>();
        BotTexts.DEFAULTS.forEach((key, text) -> form.put("text." + key, text.replace("\n", "\r\n")));
        form.put("text.greeting", "Привет! Это бот {shop}.\r\nЧем помочь?");
        form.put("text.thanks", "Рады помочь!");
        assertThat(marketer.postFragment("/bot/texts", form).statusCode()).isEqualTo(302);
        assertThat(settings.of(ws).texts()).as("only what the shop rewrote is kept")
                .containsOnly(Map.entry("greeting", "Привет! Это бот {shop}.\nЧем помочь?"), Map.entry("thanks", "Рады помочь!"));
        var rewritten = marketer.get("/bot").body();
        assertThat(rewritten).contains("Тексты сохранены", "data-rewritten=\"true\"", "Вернуть исходный",
                "name=\"reset\" value=\"greeting\"");
        assertThat(settings.of(ws).enabled()).as("saving texts keeps the switch").isTrue();

        form.put("reset", "greeting");
        form.put("text.greeting", "Привет! Это бот {shop}.\r\nЧем помочь?");
        assertThat(marketer.postFragment("/bot/texts", form).statusCode()).isEqualTo(302);
        assertThat(settings.of(ws).texts()).containsOnlyKeys("thanks");
        assertThat(marketer.get("/bot").body()).contains("Текст снова исходный");
    }

    @Test
    void aMarketerKeepsTheKnowledgeBaseAndTheShopsOwnExamples() {
        var shop = workspaces.create("Бот: знания в консоли");
        var ws = shop.workspace().id();
        var marketer = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.MARKETER).email());

        assertThat(marketer.postFragment("/bot/knowledge", Map.of("question", "Можно ли примерить?", "answer", "Да, перед оплатой."))
                .statusCode()).isEqualTo(302);
        var entry = knowledge.list(ws).getFirst();
        assertThat(marketer.get("/bot").body()).contains("Запись добавлена", "data-entry=\"" + entry.id() + "\"", "Можно ли примерить?");
        assertThat(marketer.postFragment("/bot/knowledge/" + entry.id(), Map.of("question", "Можно ли примерить?", "answer", "Да, 15 минут."))
                .statusCode()).isEqualTo(302);
        assertThat(knowledge.list(ws)).singleElement().satisfies(e -> assertThat(e.answer()).isEqualTo("Да, 15 минут."));
        assertThat(marketer.get("/bot").body()).contains("Запись сохранена", "Да, 15 минут.");
        assertThat(marketer.postFragment("/bot/knowledge", Map.of("question", "Вопрос без ответа", "answer", " ")).statusCode()).isEqualTo(302);
        assertThat(marketer.get("/bot").body()).contains("Ответ — от 1 до 4000 знаков");
        assertThat(marketer.postFragment("/bot/knowledge/" + java.util.UUID.randomUUID(), Map.of("question", "В?", "answer", "О"))
                .statusCode()).as("editing an entry that is not there makes none").isEqualTo(404);
        assertThat(marketer.postFragment("/bot/knowledge/" + entry.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(knowledge.list(ws)).isEmpty();

        var page = marketer.get("/bot").body();
        assertThat(page).contains("Запись удалена", "Записей пока нет");
        assertThat(page).as("the 14 intents to choose from, in Russian").contains("<option value=\"order_status\">Статус заказа</option>",
                "<option value=\"goodbye\">Прощание</option>");
        assertThat(page.split("<option ", -1)).hasSize(Intent.values().length + 1);
        assertThat(marketer.postFragment("/bot/examples", Map.of("intent", "order_status", "text", "где моя посылочка")).statusCode())
                .isEqualTo(302);
        assertThat(marketer.get("/bot").body()).contains("Пример добавлен", "где моя посылочка");
        assertThat(marketer.postFragment("/bot/examples", Map.of("intent", "order_status", "text", "где моя посылочка")).statusCode())
                .isEqualTo(302);
        assertThat(marketer.get("/bot").body()).contains("Такой пример уже есть");
        assertThat(marketer.postFragment("/bot/examples", Map.of("intent", "weather", "text", "дождь?")).statusCode()).isEqualTo(302);
        assertThat(marketer.get("/bot").body()).contains("Выберите тему из списка");
        var example = examples.list(ws).getFirst();
        assertThat(marketer.postFragment("/bot/examples/" + example.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(examples.list(ws)).isEmpty();
    }

    @Test
    void operatorsAndAnalystsReadTheBotButDoNotChangeIt() {
        var shop = workspaces.create("Бот: только чтение");
        var ws = shop.workspace().id();
        var entry = knowledge.save(ws, java.util.UUID.randomUUID(), "Есть ли доставка в Казань?", "Да, за 2–3 дня.");
        var example = examples.add(ws, Intent.DELIVERY, "довезёте до Казани");

        for (var role : new Role[] {Role.OPERATOR, Role.ANALYST}) {
            var reader = ConsoleSession.signIn(port, workspaces.addUser(shop, role).email());
            var page = reader.get("/bot");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(role + " reads everything").contains("Есть ли доставка в Казань?", "довезёте до Казани",
                    "data-text=\"greeting\"");
            assertThat(page.body()).as(role + " sees no forms that change the bot").doesNotContain("action=\"/bot/settings", "action=\"/bot/texts",
                    "action=\"/bot/knowledge", "action=\"/bot/examples", "<textarea", "name=\"reset\"");
            assertThat(page.body()).as(role + " may still try the bot").contains("action=\"/bot/test-chat\"");
            assertThat(reader.get("/").body()).as("«Бот» is in the navigation next to «Каталог»")
                    .containsPattern("href=\"/catalog\"[^>]*>Каталог</a>\\s*<a[^>]*href=\"/bot\"[^>]*>Бот</a>");

            assertThat(reader.postFragment("/bot/settings", Map.of("enabled", "true", "threshold", "0.5")).statusCode()).isEqualTo(403);
            assertThat(reader.postFragment("/bot/texts", Map.of("text.greeting", "Взлом")).statusCode()).isEqualTo(403);
            assertThat(reader.postFragment("/bot/knowledge", Map.of("question", "В?", "answer", "О")).statusCode()).isEqualTo(403);
            assertThat(reader.postFragment("/bot/knowledge/" + entry.id(), Map.of("question", "В?", "answer", "О")).statusCode())
                    .isEqualTo(403);
            assertThat(reader.postFragment("/bot/knowledge/" + entry.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);
            assertThat(reader.postFragment("/bot/examples", Map.of("intent", "delivery", "text", "ещё")).statusCode()).isEqualTo(403);
            assertThat(reader.postFragment("/bot/examples/" + example.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);
        }
        assertThat(settings.of(ws).enabled()).isFalse();
        assertThat(settings.of(ws).texts()).isEmpty();
        assertThat(knowledge.list(ws)).containsExactly(entry);
        assertThat(examples.list(ws)).containsExactly(example);
    }

    @Test
    void thePageSpeaksEnglishToo() {
        var shop = workspaces.create("Bot in English");
        var owner = ConsoleSession.signIn(port, shop.owner().email());

        var page = owner.get("/bot?lang=en").body();

        assertThat(page).contains("<h1>Bot</h1>", "The bot is off", "What the bot says", "Knowledge base",
                "<option value=\"order_status\">Order status</option>", "The bot fills in: {shop}");
        assertThat(page).doesNotContain("??bot.");
    }

    @Test
    void whatAShopTypedIsShownAsTextNeverAsMarkup() {
        var shop = workspaces.create("Бот: враждебный текст");
        var ws = shop.workspace().id();
        settings.save(ws, true, 0.5, Map.of("greeting", HOSTILE));
        knowledge.save(ws, java.util.UUID.randomUUID(), HOSTILE + " вопрос", HOSTILE + " ответ");
        examples.add(ws, Intent.GREETING, HOSTILE);

        var editor = ConsoleSession.signIn(port, shop.owner().email()).get("/bot").body();
        var reader = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.OPERATOR).email()).get("/bot").body();

        for (var page : new String[] {editor, reader}) {
            assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;бот&#39;)&lt;/script&gt; вопрос",
                    "&lt;script&gt;alert(&#39;бот&#39;)&lt;/script&gt; ответ");
            assertThat(page.split("&lt;script&gt;", -1)).as("greeting, question, answer and example").hasSizeGreaterThanOrEqualTo(5);
        }
    }
}
