package io.beseda.bot;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.beseda.bot.nlu.IntentModels;
import io.beseda.catalog.CatalogImport;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.Http;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;
import io.beseda.workspace.apikey.ApiKeys;

/**
 * The issue's "done when", as a new user tries it in the demo shop's chat in Chromium: the order's status,
 * products with prices and links, and a return that asks for a photo and, after one, lands with an operator
 * with a note.
 */
@BesedaTest
@TestPropertySource(properties = "beseda.channel.scheduled-dispatch=true")
class BotInWidgetBrowserTests {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Workspaces workspaces;
    @Autowired
    BotSettings settings;
    @Autowired
    CatalogImport catalog;
    @Autowired
    ApiKeys keys;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_shops_bot_tells_an_order_finds_products_and_takes_a_return_to_an_operator() throws Exception {
        var demo = demoWithBot();
        var page = browser.newPage("http://localhost:" + port);
        page.navigate("/demo/shop");
        page.locator(".bc-launcher").click();
        page.locator(".bc-window .bc-consent-box").check();

        write(page, "где мой заказ 10023");
        assertThat(page.locator(".bc-msg.bc-out").first()).containsText("Здравствуйте");
        assertThat(page.locator(".bc-msg.bc-out .bc-text").filter(has("DM-10023"))).containsText("передан в доставку");

        write(page, "подберите недорогой аксессуар к платью");
        var products = page.locator(".bc-msg.bc-out .bc-text").filter(has("Вот что нашлось"));
        assertThat(products).containsText("₽");
        assertThat(products.locator("a[href*='/demo/shop/product.html?id=']").first()).isVisible();

        write(page, "хочу вернуть куртку, порвался шов");
        assertThat(page.locator(".bc-msg.bc-out .bc-text").last()).containsText("пришлите, пожалуйста, фото");
        page.locator(".bc-file").setInputFiles(new FilePayload("shov.png", "image/png", PNG));
        assertThat(page.locator(".bc-msg.bc-out .bc-text").last()).containsText("Открыл заявку на возврат №");

        var thread = await().atMost(Duration.ofSeconds(15)).until(() -> conversations.list(demo.id(), ConversationStatus.OPEN, 200).stream()
                .filter(c -> conversations.messages(demo.id(), c.id()).stream()
                        .anyMatch(m -> m.direction() == ConversationMessage.Direction.NOTE && m.text().contains("порвался шов")))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(page.locator(".bc-msg.bc-in img")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(thread.status()).isEqualTo(ConversationStatus.OPEN);
    }

    private static com.microsoft.playwright.Locator.FilterOptions has(String text) {
        return new com.microsoft.playwright.Locator.FilterOptions().setHasText(text);
    }

    private static void write(Page page, String text) {
        page.locator(".bc-input").fill(text);
        page.locator(".bc-input").press("Enter");
    }

    /** The demo shop as a first start leaves it: the bot on, the catalogue, and a shipped order DM-10023. */
    private Workspace demoWithBot() throws Exception {
        var demo = workspaces.findBySlug("demo").orElseGet(() -> workspaces.create("demo", "Демо-магазин", ZoneId.of("Europe/Moscow")));
        settings.save(demo.id(), true, IntentModels.DEFAULT_THRESHOLD, Map.of());
        if (jdbc.sql("select not exists (select 1 from catalog_offer where workspace_id = ?)").param(demo.id().value()).query(Boolean.class).single()) {
            try (var feed = new ClassPathResource("demo/catalog.yml").getInputStream()) {
                catalog.importYml(demo.id(), feed, "test");
            }
        }
        var key = keys.issue(demo.id(), "bot-test-" + java.util.UUID.randomUUID(), "test").secret();
        var response = Http.api(port).call("POST", "/api/v1/events", key, """
                {"events": [
                 {"id": "bw1", "type": "order_placed", "occurredAt": "2026-11-19T10:00:00Z", "customer": {"phone": "+79165550023"},
                  "properties": {"orderId": "DM-10023", "total": 5990}},
                 {"id": "bw2", "type": "order_status_changed", "occurredAt": "2026-11-20T12:00:00Z", "customer": {"phone": "+79165550023"},
                  "properties": {"orderId": "DM-10023", "status": "shipped", "courierName": "Сергей", "courierPhone": "+7 916 000-11-22"}}]}""");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return demo;
    }
}
