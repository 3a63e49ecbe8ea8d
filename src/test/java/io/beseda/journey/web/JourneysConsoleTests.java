package io.beseda.journey.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneySummary;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Role;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;

/** «Сценарии» as a marketer uses it over real HTTP: the list, the builder, launching and the JSON view. */
@BesedaTest
class JourneysConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JourneyCatalog catalog;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    io.beseda.channel.ChannelAccounts accounts;

    @Autowired
    io.beseda.customer.Customers customers;

    Tenant tenant;
    Http console;

    @BeforeEach
    void signedInMarketer() {
        tenant = workspaces.create("Консоль путей");
        var marketer = workspaces.addUser(tenant, Role.MARKETER);
        console = Http.console(port);
        console.signIn(marketer.email(), TestWorkspaces.PASSWORD);
    }

    @Test
    void theAbandonedCartTemplateBecomesAnEditableDraftListedWithItsCounts() {
        var created = console.submit("/journeys", "/journeys", Map.of("template", "abandoned-cart"));

        assertThat(created.statusCode()).isEqualTo(302);
        var id = journeyId(created);
        var builder = console.get("/journeys/" + id);
        assertThat(builder.statusCode()).isEqualTo(200);
        assertThat(builder.body()).contains("Брошенная корзина", "Push-напоминание", "SMS со ссылкой и купоном",
                "Письмо с корзиной и рекомендациями", "Купон на скидку", "Путь готов к запуску", "data-status=\"DRAFT\"");
        assertThat(builder.body()).contains("value=\"30 мин\"", "value=\"2 ч\"", "value=\"CART\"");

        var list = console.get("/journeys");
        assertThat(list.body()).contains("Сценарии", "Брошенная корзина", "Черновик", "data-journey=\"" + id + "\"");
        assertThat(list.body()).containsPattern("data-journey=\"" + id + "\"[\\s\\S]*?data-figure=\"inside\">0<");
    }

    @Test
    void aNewJourneySaysWhatKeepsItFromLaunchingAndRefusesToLaunch() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));

        var builder = console.get("/journeys/" + id);
        assertThat(builder.body()).contains("Что мешает запуску", "нет текста для канала PUSH");

        var launch = console.submit("/journeys/" + id, "/journeys/" + id + "/launch", Map.of());
        assertThat(launch.statusCode()).isEqualTo(302);
        assertThat(console.get(path(location(launch))).body()).contains("Путь нельзя запустить", "нет текста для канала PUSH");
        assertThat(catalog.get(tenant.workspace().id(), id).status()).isEqualTo(JourneySummary.Status.DRAFT);
    }

    @Test
    void stepsAreAddedReorderedAndSavedFromTheForm() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));
        var form = formOf(id);
        form.put("name", "Возврат к корзине");
        form.put("s0.channels", "PUSH, SMS");
        form.put("s0.m.PUSH.body", "Корзина ждёт: {{ cart.link }}");
        form.put("action", "add:delay");

        var added = console.submit("/journeys/" + id, "/journeys/" + id, form);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Изменения ещё не сохранены", "name=\"s1.duration\"", "value=\"delay-1\"",
                "Корзина ждёт: {{ cart.link }}", "name=\"s0.m.SMS.body\"");
        form.put("s1.type", "delay");
        form.put("s1.id", "delay-1");
        form.put("s1.name", "Подождать");
        form.put("s1.duration", "1 ч 30 мин");
        form.put("s0.m.SMS.body", "Скидка по коду {{ coupon.code }}");
        form.put("action", "up:1");
        var moved = console.submit("/journeys/" + id, "/journeys/" + id, form);
        assertThat(moved.body()).containsPattern("name=\"s0.id\"[^>]*value=\"delay-1\"");
        form.put("action", "save");

        var saved = console.submit("/journeys/" + id, "/journeys/" + id, form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(console.get(path(location(saved))).body()).contains("Черновик сохранён.");
        var summary = catalog.get(tenant.workspace().id(), id);
        assertThat(summary.name()).isEqualTo("Возврат к корзине");
        var definition = catalog.draft(tenant.workspace().id(), id).definition();
        assertThat(definition.steps()).hasSize(2);
        var send = (Step.Send) definition.steps().getFirst();
        assertThat(send.channels()).containsExactly(Channel.PUSH, Channel.SMS);
        assertThat(send.messages().get(Channel.SMS).body()).isEqualTo("Скидка по коду {{ coupon.code }}");
        assertThat(((Step.Delay) definition.steps().get(1)).duration()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(definition.trigger()).isInstanceOf(Trigger.CartAbandoned.class);
    }

    @Test
    void whatCannotBeReadIsSaidAndWhatWasTypedStays() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));
        var form = formOf(id);
        form.put("action", "add:delay");
        form.put("s1.type", "delay");
        form.put("s1.id", "pause");
        form.put("s1.name", "Подождать");
        form.put("s1.duration", "полчасика");
        form.put("s0.m.PUSH.body", "Вернитесь <b>скорее</b>");
        form.put("action", "save");

        var refused = console.submit("/journeys/" + id, "/journeys/" + id, form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Шаг «Подождать»: «полчасика» — не срок", "value=\"полчасика\"",
                "Вернитесь &lt;b&gt;скорее&lt;/b&gt;");
        assertThat(catalog.draft(tenant.workspace().id(), id).definition().steps()).hasSize(1);
    }

    @Test
    void aHostileNameRendersAsText() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));
        var form = formOf(id);
        form.put("name", "<script>alert('x')</script>");
        form.put("s0.name", "<img src=x onerror=alert(1)>");
        form.put("action", "save");
        console.submit("/journeys/" + id, "/journeys/" + id, form);
        for (var page : new String[] {"/journeys/" + id, "/journeys/" + id + "/stats"}) {
            assertThat(console.get(page).body()).as(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
        }

        assertThat(console.get("/journeys").body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        assertThat(console.get("/journeys/" + id).body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    @Test
    void launchPauseResumeAndArchive() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of("template", "order-status")));

        var launched = console.submit("/journeys/" + id, "/journeys/" + id + "/launch", Map.of());
        assertThat(console.get(path(location(launched))).body()).contains("Запущена версия 1", "data-status=\"ACTIVE\"");
        var form = formOf(id);
        form.put("name", "Статус заказа, версия 2");
        form.put("action", "save");
        console.submit("/journeys/" + id, "/journeys/" + id, form);
        assertThat(catalog.get(tenant.workspace().id(), id).draftVersion()).isEqualTo(2);
        assertThat(console.get("/journeys/" + id).body()).contains("перевести клиентов внутри на новую версию",
                "Клиенты входят в версию 1; черновик — версия 2.");
        console.submit("/journeys/" + id, "/journeys/" + id + "/launch", Map.of("moveInside", "true"));
        assertThat(catalog.get(tenant.workspace().id(), id).liveVersion()).isEqualTo(2);

        console.submit("/journeys/" + id, "/journeys/" + id + "/pause", Map.of());
        assertThat(console.get("/journeys").body()).contains("На паузе");
        console.submit("/journeys/" + id, "/journeys/" + id + "/resume", Map.of());
        assertThat(catalog.get(tenant.workspace().id(), id).status()).isEqualTo(JourneySummary.Status.ACTIVE);
        var archived = console.submit("/journeys/" + id, "/journeys/" + id + "/archive", Map.of());
        assertThat(location(archived)).endsWith("/journeys");
        assertThat(console.get("/journeys").body()).contains("в архиве").doesNotContain("data-journey=\"" + id + "\"");
    }

    @Test
    void theJsonViewSavesAWholeDefinitionAndKeepsWhatCannotBeRead() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of("template", "order-status")));
        var broken = "{\"trigger\": {\"type\": \"api\"}, \"steps\": [";

        var refused = console.submit("/journeys/" + id, "/journeys/" + id + "/json", Map.of("definition", broken));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Описание пути не читается", "{&quot;trigger&quot;: {&quot;type&quot;: &quot;api&quot;}, &quot;steps&quot;: [");
        var json = """
                {"trigger": {"type": "api"}, "steps": [{"type": "send", "id": "hello", "name": "Привет",
                 "channels": ["SMS"], "messages": {"SMS": {"body": "Здравствуйте!"}}, "bestChannel": false}],
                 "entry": {"kind": "EVERY_TIME"}, "category": "SERVICE", "messageCap": 2, "capPeriod": "P1D", "activeQuietFor": "PT0S"}""";
        var saved = console.submit("/journeys/" + id, "/journeys/" + id + "/json", Map.of("definition", json));
        assertThat(saved.statusCode()).isEqualTo(302);
        var definition = catalog.draft(tenant.workspace().id(), id).definition();
        assertThat(definition.trigger()).isInstanceOf(Trigger.ApiCall.class);
        assertThat(definition.steps()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("Привет"));
    }

    @Test
    void analystsReadOperatorsDoNotSee() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));
        var analyst = Http.console(port);
        analyst.signIn(workspaces.addUser(tenant, Role.ANALYST).email(), TestWorkspaces.PASSWORD);
        var operator = Http.console(port);
        operator.signIn(workspaces.addUser(tenant, Role.OPERATOR).email(), TestWorkspaces.PASSWORD);

        var read = analyst.get("/journeys/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("id=\"save\"", "id=\"launch\"", "hx-post=").contains("<fieldset class=\"plain stack\" disabled");
        assertThat(analyst.get("/journeys").body()).doesNotContain("id=\"new-journey\"");
        assertThat(analyst.submit("/journeys/" + id, "/journeys/" + id + "/launch", Map.of()).statusCode()).isEqualTo(403);
        assertThat(operator.get("/journeys").statusCode()).isEqualTo(403);
        assertThat(operator.get("/").body()).doesNotContain("href=\"/journeys\"");
        assertThat(console.get("/").body()).contains("href=\"/journeys\"");
    }

    @Test
    void theStatisticsPageShowsStepsDenialsInRussianAndTheABResult() {
        var send = new Step.Send("coupon-sms", "SMS с купоном", java.util.List.of(Channel.SMS),
                Map.of(Channel.SMS, new io.beseda.journey.definition.Message(null, "Ваш купон: {{ coupon.code }}")), false, null, null);
        var split = new Step.Split("ab", "Купон или ничего", java.util.List.of(
                new io.beseda.journey.definition.Variant("Контроль", 50, null),
                new io.beseda.journey.definition.Variant("С купоном", 50, "coupon-sms")));
        var definition = new io.beseda.journey.definition.JourneyDefinition(new Trigger.ApiCall(), java.util.List.of(split, send), null,
                io.beseda.journey.definition.EntryRule.everyTime(), io.beseda.consent.MessageCategory.MARKETING, 3,
                java.time.Duration.ofDays(1), java.time.Duration.ZERO);
        var journey = catalog.create(io.beseda.workspace.Actor.system(tenant.workspace().id(), "test"), "A/B купона", definition, null);
        var history = new JourneyHistory(jdbc, tenant.workspace().id(), journey.id(), 1, java.time.Instant.now());
        var customer = history.customer("Вера");
        history.variant(customer, "ab:Контроль", 200, 20);
        history.variant(customer, "ab:С купоном", 200, 45);
        var run = history.run(customer, "ACTIVE", null);
        history.sent(run, customer, "coupon-sms", "SMS", "FAILED", "QUIET_HOURS");

        var page = console.get("/journeys/" + journey.id() + "/stats");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Купон или ничего", "SMS с купоном", "У покупателя тихие часы по его местному времени",
                "база сравнения", "значимо при 95 % (p &lt; 0,001)");
        assertThat(page.body()).containsPattern("data-variant=\"С купоном\"[\\s\\S]*?data-figure=\"uplift\">\\+125[,.]0[\\s\\u00a0\\u202f]?%");
        assertThat(page.body()).containsPattern("data-step=\"coupon-sms\"[\\s\\S]*?data-figure=\"denied\"><span>1</span>");
    }

    @Test
    void aTextIsPreviewedWithARealCustomerAndBrokenLiquidIsNamedWithItsStep() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of("template", "abandoned-cart")));
        var history = new JourneyHistory(jdbc, tenant.workspace().id(), id, 1, java.time.Instant.now());
        history.customer("Зоя Предпросмотрова");
        var form = formOf(id);
        form.put("preview", "4:SMS");
        form.put("previewCustomer", "Предпросмотрова");

        var preview = console.submit("/journeys/" + id, "/journeys/" + id + "/preview", form);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Так увидит Зоя Предпросмотрова в канале SMS", "Зоя, товары ждут вас в корзине",
                "Скидка 10 % по коду PREVIEW-");
        form.put("previewCustomer", "Никого-такого-нет");
        assertThat(console.submit("/journeys/" + id, "/journeys/" + id + "/preview", form).body())
                .contains("Покупатель «Никого-такого-нет» не найден");

        form.put("s0.m.PUSH.body", "{% if cart.count > 1 %}Много товаров");
        form.put("action", "save");
        assertThat(console.submit("/journeys/" + id, "/journeys/" + id, form).statusCode()).isEqualTo(302);
        assertThat(console.get("/journeys/" + id).body()).contains("Отправка «Push-напоминание», PUSH: Текст");
        var launch = console.submit("/journeys/" + id, "/journeys/" + id + "/launch", Map.of());
        assertThat(console.get(path(location(launch))).body()).contains("Путь нельзя запустить", "Отправка «Push-напоминание», PUSH: Текст");
    }

    @Test
    void everyPageSpeaksRussianAndEnglishWithoutAMissingText() {
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of("template", "abandoned-cart")));
        for (var lang : new String[] {"ru", "en"}) {
            for (var page : new String[] {"/", "/journeys", "/journeys/" + id, "/journeys/" + id + "/stats", "/journeys/" + id + "/test"}) {
                var response = console.get(page + "?lang=" + lang);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).as(page + " in " + lang).doesNotContain("??");
            }
        }
        assertThat(console.get("/journeys?lang=en").body()).contains("Journeys", "From template: Abandoned cart");
        console.get("/journeys?lang=ru");
    }

    @Test
    void aTestRunShowsTheTimelineForARealCustomerWithoutSendingAnything() {
        var json = """
                {"trigger": {"type": "api"}, "steps": [
                  {"type": "send", "id": "hello", "name": "Приветствие", "channels": ["SMS", "EMAIL"], "bestChannel": false,
                   "messages": {"SMS": {"body": "Здравствуйте, {{ customer.first_name }}! Заказ принят"},
                                "EMAIL": {"subject": "Заказ", "body": "Письмо для {{ customer.first_name }}"}}}],
                 "entry": {"kind": "EVERY_TIME"}, "category": "SERVICE", "messageCap": 3, "capPeriod": "P1D", "activeQuietFor": "PT0S"}""";
        var id = journeyId(console.submit("/journeys", "/journeys", Map.of()));
        console.submit("/journeys/" + id, "/journeys/" + id + "/json", Map.of("definition", json));
        var ws = tenant.workspace().id();
        accounts.add(ws, Channel.SMS, "sandbox", "Песочница SMS", Map.of(), 50);
        accounts.add(ws, Channel.EMAIL, "sandbox", "Песочница e-mail", Map.of(), 50);
        var customer = customers.resolve(ws, java.util.List.of(io.beseda.customer.Identity.phone("+7 916 555-12-34"),
                io.beseda.customer.Identity.email("irina@shop.example")), java.time.Instant.now()).orElseThrow().value();
        jdbc.sql("update customer set name = 'Ирина Тестовая' where id = ?").param(customer).update();

        var search = console.get("/journeys/" + id + "/test?q=" + java.net.URLEncoder.encode("Тестовая", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Ирина Тестовая", "value=\"" + customer + "\"");

        var run = console.submit("/journeys/" + id + "/test", "/journeys/" + id + "/test",
                Map.of("customerId", customer.toString(), "undelivered", "SMS", "nothingRead", "true"));

        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("id=\"timeline\"", "Вход", "Приветствие", "Здравствуйте, Ирина! Заказ принят",
                "не доставлено", "Письмо для Ирина", "data-channel=\"EMAIL\"");
        assertThat(jdbc.sql("select count(*) from outbound_message where workspace_id = ?").param(tenant.workspace().id().value())
                .query(Long.class).single()).as("a test run sends nothing").isZero();
        assertThat(jdbc.sql("select count(*) from journey_run where journey_id = ?").param(id).query(Long.class).single()).isZero();
    }

    /** The builder's fields as the page has them, as a browser would post them back. */
    private Map<String, String> formOf(UUID id) {
        var form = new LinkedHashMap<String, String>();
        var body = console.get("/journeys/" + id).body();
        var start = body.indexOf("id=\"journey-form\"");
        var end = body.indexOf("</form>", start);
        var html = body.substring(start, end);
        var input = java.util.regex.Pattern.compile("<input(?=[^>]*name=\"([^\"]+)\")(?![^>]*type=\"checkbox\")(?=(?:[^>]*value=\"([^\"]*)\")?)[^>]*>");
        var m = input.matcher(html);
        while (m.find()) {
            form.put(m.group(1), unescape(m.group(2) == null ? "" : m.group(2)));
        }
        var area = java.util.regex.Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (area.find()) {
            form.put(area.group(1), unescape(area.group(2)));
        }
        var select = java.util.regex.Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</select>").matcher(html);
        while (select.find()) {
            var chosen = java.util.regex.Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
            form.put(select.group(1), chosen.find() ? unescape(chosen.group(1)) : "");
        }
        var checked = java.util.regex.Pattern.compile("<input type=\"checkbox\" name=\"([^\"]+)\" value=\"([^\"]+)\" checked").matcher(html);
        while (checked.find()) {
            form.put(checked.group(1), checked.group(2));
        }
        form.remove("_csrf");
        form.remove("action");
        return form;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static UUID journeyId(java.net.http.HttpResponse<String> created) {
        assertThat(created.statusCode()).isEqualTo(302);
        return UUID.fromString(location(created).replaceAll(".*/journeys/", ""));
    }
}
