package io.beseda.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A marketer sets the bot up on «Бот» in Chromium: the switch, a rewritten text and its reset, an entry, an example. */
@BesedaTest
class BotBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    BotSettings settings;

    @Test
    void aMarketerSetsTheBotUpAndTakesBackARewrittenText() {
        var shop = workspaces.create("Бот в браузере");
        var ws = shop.workspace().id();
        var page = signedIn(workspaces.addUser(shop, Role.MARKETER).email());

        page.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Бот").setExact(true)).click();
        page.waitForURL("**/bot");
        page.locator("#bot-switch input[name=enabled]").check();
        page.locator("#bot-switch input[name=threshold]").fill("0.5");
        page.locator("#bot-switch button[type=submit]").click();
        assertThat(page.locator("#bot-switch [data-enabled]")).hasText(java.util.regex.Pattern.compile("Бот включён.*50"));

        var greeting = page.locator("#text-greeting");
        greeting.fill("Привет! Я бот {shop}, спрашивайте.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить тексты")).click();
        assertThat(page.locator("[data-text=greeting]")).hasAttribute("data-rewritten", "true");
        assertThat(settings.of(ws).text("greeting")).isEqualTo("Привет! Я бот {shop}, спрашивайте.");

        page.locator("[data-text=greeting] button[name=reset]").click();
        assertThat(page.locator("[data-text=greeting]")).hasAttribute("data-rewritten", "false");
        assertThat(page.locator("#text-greeting")).hasValue(BotTexts.DEFAULTS.get("greeting"));
        assertThat(settings.of(ws).texts()).isEmpty();
        assertThat(settings.of(ws).enabled()).as("the switch stays as it was").isTrue();

        page.locator("#bot-knowledge-add input[name=question]").fill("Можно ли примерить перед оплатой?");
        page.locator("#bot-knowledge-add textarea[name=answer]").fill("Да, курьер подождёт 15 минут.");
        page.locator("#bot-knowledge-add button").click();
        assertThat(page.locator(".bot-entry input[name=question]")).hasValue("Можно ли примерить перед оплатой?");

        page.locator("#bot-examples-add select[name=intent]").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Статус заказа"));
        page.locator("#bot-examples-add input[name=text]").fill("когда приедет моя посылочка");
        page.locator("#bot-examples-add button").click();
        assertThat(page.locator("tr[data-example] td").first()).hasText("Статус заказа");
        assertThat(page.locator("tr[data-example] td").nth(1)).hasText("когда приедет моя посылочка");
    }

    private Page signedIn(String email) {
        return browser.signedIn("http://localhost:" + port, email);
    }
}
