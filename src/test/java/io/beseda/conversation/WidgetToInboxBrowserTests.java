package io.beseda.conversation;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.bot.nlu.IntentModels;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.Users;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The story a newcomer tries: a customer writes in the demo shop's chat, an operator sees it arrive in the
 * inbox and answers, the customer reads the answer, the operator resolves, the customer rates — two
 * browsers, the background dispatcher on, and neither page reloads.
 */
@BesedaTest
@TestPropertySource(properties = "beseda.channel.scheduled-dispatch=true")
class WidgetToInboxBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    io.beseda.bot.BotSettings botSettings;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Test
    void aCustomerChatsInTheShopAnOperatorAnswersLiveResolvesAndTheCustomerRates() {
        var demo = demo();
        var operator = signedInOperator(demo);
        operator.navigate("/inbox?tab=all");
        assertThat(operator.locator("#inbox[data-stream=open]")).hasCount(1);
        operator.evaluate("window.notReloaded = true");

        var shop = browser.newPage(base());
        shop.navigate("/demo/shop");
        shop.evaluate("window.notReloaded = true");
        shop.locator(".bc-launcher").click();
        shop.locator(".bc-window .bc-consent-box").check();
        var question = "Есть ли пуховик 48 размера? " + UUID.randomUUID();
        shop.locator(".bc-input").fill(question);
        shop.locator(".bc-input").press("Enter");

        var row = operator.locator("#rows tr.inbox-row").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(question));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".unread-badge")).hasText("1");
        row.locator("a.open").click();
        assertThat(operator.locator("#thread[data-stream=open]")).hasCount(1);
        assertThat(operator.locator("#messages li.message.in .text").last()).hasText(question);

        operator.locator("#composer-text").fill("Да, есть, могу отложить до вечера");
        operator.locator("#composer-text").press("Enter");
        assertThat(shop.locator(".bc-msg.bc-out .bc-text").last()).hasText("Да, есть, могу отложить до вечера");
        // read once the customer's tab has focus; the two tabs here take turns, so delivered is the firm fact
        assertThat(operator.locator("#messages li.message.out .delivery-state").last())
                .hasText(java.util.regex.Pattern.compile("доставлено|прочитано"));

        shop.locator(".bc-input").fill("Отложите, пожалуйста, спасибо!");
        shop.locator(".bc-input").press("Enter");
        assertThat(operator.locator("#messages li.message.in .text").last()).hasText("Отложите, пожалуйста, спасибо!");

        operator.locator("#status-form select[name=status]").selectOption("RESOLVED");
        operator.locator("#status-form button[type=submit]").click();
        assertThat(operator.locator(".status-pill").first()).hasText("решён");

        assertThat(shop.locator(".bc-msg.bc-out .bc-text").last()).hasText("Оцените, пожалуйста, как мы помогли: от 1 до 5");
        assertThat(shop.locator(".bc-replies button")).hasCount(5);
        shop.locator(".bc-replies button").last().click();
        assertThat(operator.locator("#slot-csat dd")).hasText("5 из 5");
        assertThat(operator.locator(".status-pill").first()).hasText("решён");

        org.assertj.core.api.Assertions.assertThat(operator.evaluate("window.notReloaded === true")).as("inbox not reloaded").isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(shop.evaluate("window.notReloaded === true")).as("shop not reloaded").isEqualTo(true);
    }

    private Page signedInOperator(Workspace demo) {
        var email = "operator-" + UUID.randomUUID() + "@demo.example";
        users.add(demo.id(), new NewUser(email, "Анна", Role.OPERATOR, TestWorkspaces.PASSWORD), Actor.system(demo.id(), "test"));
        return browser.signedIn(base(), email);
    }

    /** The demo shop with its bot switched off: this story is the operator's (the bot's own is in BotInWidgetTests). */
    private Workspace demo() {
        var demo = workspaces.findBySlug("demo").orElseGet(() -> workspaces.create("demo", "Демо-магазин", ZoneId.of("Europe/Moscow")));
        botSettings.save(demo.id(), false, IntentModels.DEFAULT_THRESHOLD, java.util.Map.of());
        return demo;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
