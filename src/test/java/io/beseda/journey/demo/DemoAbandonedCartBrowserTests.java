package io.beseda.journey.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.journey.template.ShopPages;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.Users;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

/**
 * The "done when", as a newcomer tries it: in the demo shop they subscribe, put a coat in the cart and
 * leave; in the sandbox phone the push, then the SMS, then the e-mail arrive on the demo journey's minutes; the
 * cart link from the SMS brings the cart back, and buying from it counts a conversion. The server's clock and the
 * browser's move together, so minutes pass in seconds.
 */
@BesedaTest
@DirtiesContext
@TestPropertySource(properties = {"beseda.journey.timers=true", "beseda.channel.scheduled-dispatch=true"})
@Import(DemoAbandonedCartBrowserTests.Clocks.class)
class DemoAbandonedCartBrowserTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        VirtualClock virtualClock() {
            return new VirtualClock(Instant.now());
        }
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Users users;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    DemoJourneys demoJourneys;
    @Autowired
    ShopPages shopPages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VirtualClock clock;

    @Test
    void theDemoShopsAbandonedCartRemindsByPushSmsAndEmailAndTheCartLinkBringsThePurchaseBack() {
        var demo = demoShop();
        var base = "http://localhost:" + port;
        var phone = "+7903" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        var email = "pokupatel-" + UUID.randomUUID().toString().substring(0, 6) + "@example.ru";
        var shopper = browser.newContext(base);
        shopper.clock().install(new Clock.InstallOptions().setTime(clock.instant().toEpochMilli()));
        var shop = shopper.newPage();

        shop.navigate("/demo/shop");
        shop.locator("#subscribe input[name=phone]").fill(phone);
        shop.locator("#subscribe input[name=email]").fill(email);
        shop.locator("#subscribe input[value=PUSH]").check();
        shop.locator("#subscribe input[value=SMS]").check();
        shop.locator("#subscribe input[value=EMAIL]").check();
        shop.locator("#subscribe button[type=submit]").click();
        assertThat(shop.locator("#subscribe-status")).containsText("Готово");
        shop.locator(".card button.primary").first().click();
        assertThat(shop.locator("#cart-count")).hasText("1");
        shop.navigate("about:blank");

        var customer = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                select c.customer_id from customer_identity c join cart on cart.workspace_id = c.workspace_id and cart.customer_id = c.customer_id
                where c.workspace_id = ? and c.kind = 'PHONE' and c.value = ? and jsonb_array_length(cart.items) = 1""")
                .params(demo.id().value(), phone).query(UUID.class).optional(), java.util.Optional::isPresent).orElseThrow();

        var console = browser.signedIn(base, operator(demo));
        pass(shopper, Duration.ofSeconds(61));
        var push = arrives(console, "PUSH");
        pass(shopper, Duration.ofSeconds(61));
        var sms = arrives(console, "SMS");
        pass(shopper, Duration.ofSeconds(121));
        var mail = arrives(console, "EMAIL");

        assertThat(push).contains("ждут вас");
        assertThat(sms).contains("по коду CART-");
        assertThat(mail).contains("Вы выбрали, но не оформили").contains("Итого:");
        assertThat(jdbc.sql("select channel from outbound_message where workspace_id = ? and customer_id = ? order by created_at")
                .params(demo.id().value(), customer).query(String.class).list()).containsExactly("PUSH", "SMS", "EMAIL");

        var link = Pattern.compile("https?://\\S+/r/[A-Za-z0-9_-]+").matcher(sms);
        org.assertj.core.api.Assertions.assertThat(link.find()).as(sms).isTrue();
        shop.navigate(URI.create(link.group()).getRawPath());
        assertThat(shop.locator("#cart .cart-lines li")).hasCount(1);
        shop.locator("#checkout input[name=name]").fill("Анна");
        shop.locator("#checkout input[name=phone]").fill(phone);
        shop.locator("#checkout button[type=submit]").click();
        assertThat(shop.locator("#order")).containsText("оформлен");

        var run = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select status, revenue, converted_step from journey_run where workspace_id = ? and customer_id = ?")
                .params(demo.id().value(), customer).query().listOfRows(), rows -> !rows.isEmpty() && "CONVERTED".equals(rows.getFirst().get("status")));
        org.assertj.core.api.Assertions.assertThat(run.getFirst().get("converted_step")).isEqualTo("email");
        org.assertj.core.api.Assertions.assertThat(((java.math.BigDecimal) run.getFirst().get("revenue")).signum()).isPositive();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from journey_click where workspace_id = ? and step_id = 'sms'")
                .param(demo.id().value()).query(Long.class).single()).as("the SMS link's click is counted").isPositive();
    }

    /** Minutes pass: on the server and in the shopper's browser alike. */
    private void pass(BrowserContext shopper, Duration time) {
        var now = clock.advance(time);
        shopper.clock().setSystemTime(now.toEpochMilli());
    }

    /** What the sandbox phone shows for the newest message on the channel, once it is there. */
    private static String arrives(Page console, String channel) {
        var row = console.locator("#sandbox tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHas(console.locator("td:nth-child(2)", new Page.LocatorOptions().setHasText(channel))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            console.navigate("/sandbox");
            return row.count() > 0;
        });
        return row.first().locator("td:nth-child(4)").innerText();
    }

    /** The demo workspace as a first start leaves it: sandbox accounts, the shop's cart page and the demo journeys. */
    private Workspace demoShop() {
        var demo = workspaces.findBySlug("demo").orElseGet(() -> workspaces.create("demo", "Демо-магазин", ZoneId.of("Europe/Moscow")));
        for (var channel : java.util.List.of(Channel.PUSH, Channel.SMS, Channel.EMAIL)) {
            if (accounts.forChannel(demo.id(), channel).isEmpty()) {
                accounts.add(demo.id(), channel, "sandbox", "Песочница " + channel, Map.of(), 20);
            }
        }
        shopPages.save(demo.id(), new ShopPages.Pages("http://localhost:" + port + "/demo/shop", "http://localhost:" + port + "/demo/shop/cart"));
        demoJourneys.run(null);
        return demo;
    }

    private String operator(Workspace demo) {
        var email = "journeys-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        users.add(demo.id(), new NewUser(email, "Маркетолог", Role.OWNER, TestWorkspaces.PASSWORD), Actor.system(demo.id(), "test"));
        return email;
    }
}
