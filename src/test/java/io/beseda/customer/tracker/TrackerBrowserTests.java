package io.beseda.customer.tracker;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.User;
import io.beseda.workspace.Users;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.beseda.customer.tracker.TrackerClient.batch;
import static io.beseda.customer.tracker.TrackerClient.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracker in a real browser: the demo shop page sends events, the console shows them. */
@BesedaTest
class TrackerBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Users users;

    @Autowired
    Trackers trackers;

    @Autowired
    Customers customers;

    @Test
    void whatAShopperDoesOnTheDemoPageAppearsOnTheirTimelineInTheConsole() {
        var operator = demoOperator();
        var digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        var shop = browser.newPage(base());

        shop.navigate("/demo/tracker");
        assertThat(shop.locator("#status")).containsText("Трекер подключён");
        var headphones = shop.locator(".product[data-id=p-401]");
        headphones.getByText("Смотреть").click();
        headphones.getByText("В корзину").click();
        assertThat(shop.locator("#cart-summary")).hasText("Товаров: 1 на 4 590 ₽");
        shop.locator("#checkout input[name=phone]").fill("+7 916 " + digits);
        shop.locator("#checkout button[type=submit]").click();
        assertThat(shop.locator("#order")).containsText("оформлен");
        var orderId = Pattern.compile("Заказ № (D-\\w+)").matcher(shop.locator("#order").textContent()).results()
                .findFirst().orElseThrow().group(1);
        assertThat(shop.locator("#sent")).hasText("Отправлено событий: 6", new LocatorAssertions.HasTextOptions().setTimeout(20_000));

        var console = browser.newPage(base());
        signIn(console, operator.email());
        console.navigate("/customers");
        console.evaluate("window.stayedOnThePage = true");
        console.locator("input[name=q]").pressSequentially("8 (916) " + digits.substring(0, 3) + "-" + digits.substring(3));
        assertThat(console.locator("#customers tbody tr")).hasCount(1);
        assertThat(console).hasURL(Pattern.compile(".*/customers\\?q=.*"));
        assertThat(console.evaluate("window.stayedOnThePage")).as("the table was swapped in, the page stayed").isEqualTo(true);

        console.locator("#customers tbody tr a").click();
        var timeline = console.locator("#timeline");
        assertThat(timeline).containsText("Заказ № " + orderId + " оформлен на 4 590 ₽");
        assertThat(timeline).containsText("Корзина обновлена: 1 товар на 4 590 ₽");
        assertThat(timeline).containsText("Просмотр товара «Наушники беспроводные «Тишина»»");
        assertThat(timeline).containsText("Покупатель указал контакты на сайте");
        assertThat(timeline).containsText("Новый визит на сайт");
        assertThat(console.locator("#identities")).containsText("Посетитель сайта");
        assertThat(console.locator("#identities")).containsText("+7916" + digits);
        assertThat(console.locator("#orders")).containsText("Заказ № " + orderId);
        assertThat(console.locator("nav.main-nav a.active")).hasText("Покупатели");
    }

    @Test
    void hostileTextFromAPageIsShownAsText() {
        var tenant = testWorkspaces.create("Враждебные события");
        var visitor = UUID.randomUUID().toString();
        var response = new TrackerClient(port).post(trackers.of(tenant.workspace().id()).token(), batch(
                event("product_viewed", Map.of("visitorId", visitor), "{\"productId\": \"p-1\", \"name\": \"<img src=x onerror=alert(1)>\"}"),
                event("search", Map.of("visitorId", visitor), "{\"query\": \"\\\"><svg onload=alert(2)>\"}"),
                event("note_left", Map.of("visitorId", visitor), "{\"text\": \"<script>alert(3)</script>\"}")));
        assertThat(response.body()).contains("\"accepted\":3");
        var customer = customers.findBy(tenant.workspace().id(), Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        var page = browser.newPage(base());
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });

        signIn(page, tenant.owner().email());
        page.navigate("/customers/" + customer);

        var timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Просмотр товара «<img src=x onerror=alert(1)>»");
        assertThat(timeline).containsText("Поиск: «\"><svg onload=alert(2)>»");
        assertThat(timeline).containsText("text: <script>alert(3)</script>");
        assertThat(page.locator("#recent-views")).containsText("<img src=x onerror=alert(1)>");
        assertThat(page.locator("main img, main svg, main script")).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void anotherWorkspacesCustomerIsAnErrorPage() {
        var tenant = testWorkspaces.create("Свой магазин");
        var stranger = customers.resolve(testWorkspaces.create("Чужой").workspace().id(),
                List.of(Identity.phone("+7 916 000-12-12")), Instant.now()).orElseThrow();
        var page = browser.newPage(base());
        signIn(page, tenant.owner().email());

        var response = page.navigate("/customers/" + stranger);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("body")).containsText("Такой страницы нет.");
    }

    @Test
    void anAdminCopiesTheSnippetAndSeesTheSecretOnce() {
        var tenant = testWorkspaces.create("Трекер в настройках");
        var page = browser.newPage(base());
        signIn(page, tenant.owner().email());
        page.navigate("/settings/users");

        page.locator("nav.tabs").getByText("Трекер").click();
        page.waitForURL(base() + "/settings/tracker");
        var token = trackers.of(tenant.workspace().id()).token();
        assertThat(page.locator("#snippet-code")).hasText("<script src=\"" + base() + "/static/beseda-tracker.js\" data-token=\""
                + token + "\" defer></script>");
        assertThat(page.locator("#secret-state")).containsText("Секрета ещё нет");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Создать секрет")).click();
        var secret = page.locator("#issued-secret code");
        assertThat(secret).hasText(Pattern.compile("trs_\\S{40,}"));
        var value = secret.textContent();
        assertThat(trackers.of(tenant.workspace().id()).secret()).isEqualTo(value);

        page.reload();
        assertThat(page.locator("#issued-secret")).hasCount(0);
        assertThat(page.locator("#secret-state")).containsText("Секрет действует с");
        assertThat(page.locator("body")).not().containsText(value);
        assertThat(page.request().get(base() + "/static/beseda-tracker.js").status()).isEqualTo(200);
    }

    /** The demo workspace the demo page reports to, with a person of our own to sign in as. */
    private User demoOperator() {
        Workspace demo = workspaces.findBySlug(DemoTrackerController.DEMO_SLUG)
                .orElseGet(() -> workspaces.create(DemoTrackerController.DEMO_SLUG, "Демо-магазин", ZoneId.of("Europe/Moscow")));
        var email = "demo-operator-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        return users.add(demo.id(), new NewUser(email, "Оператор демо", Role.OPERATOR, TestWorkspaces.PASSWORD),
                Actor.system(demo.id(), "test"));
    }

    private void signIn(Page page, String email) {
        page.navigate("/login");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(TestWorkspaces.PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(base() + "/");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
