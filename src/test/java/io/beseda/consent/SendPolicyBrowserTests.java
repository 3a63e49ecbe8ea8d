package io.beseda.consent;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An owner tightens the send policy and checks a send, in Chromium, clicking what a person clicks. */
@BesedaTest
class SendPolicyBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    SendPolicy policy;

    @Test
    void ownerMovesQuietHoursAndSeesAnEveningCampaignWaitForMorning() {
        var tenant = workspaces.create("Лаванда");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 912 777-88-99")), Instant.now()).orElseThrow();
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        var page = browser.newPage("http://localhost:" + port);
        signIn(page, tenant.owner().email());

        page.navigate("/settings/users");
        page.locator("nav.tabs").getByText("Политика отправки").click();
        page.waitForURL("**/settings/send-policy");
        var form = page.locator("#send-policy");
        form.locator("[name=quietFrom]").fill("20:00");
        form.locator("[name=serviceInQuietHours]").uncheck();
        form.locator("button[type=submit]").click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Политика отправки сохранена.");
        assertThat(policy.settings(shop).quietFrom()).hasToString("20:00");
        assertThat(policy.settings(shop).serviceInQuietHours()).isFalse();

        var check = page.locator("#send-check");
        check.locator("[name=customer]").fill("+7 912 777-88-99");
        check.locator("[name=category]").selectOption("MARKETING");
        check.locator("[name=at]").fill("2026-03-10T20:30");
        check.locator("button[type=submit]").click();

        var result = page.locator("#check-result");
        assertThat(result).containsText("Отложено");
        assertThat(result).containsText("11.03.2026 09:00");
        assertThat(result.locator(".reason")).hasText("У покупателя тихие часы по его местному времени; сообщение уйдёт, когда они закончатся.");
    }

    private static void signIn(Page page, String email) {
        Browser.signIn(page, email);
    }
}
