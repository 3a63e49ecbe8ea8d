package io.beseda.journey.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.Step;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneySummary;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A marketer builds a journey in Chromium: from the template, live problems while typing, a new step, save, a preview on a real customer, launch. */
@BesedaTest
class JourneyBuilderBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JourneyCatalog catalog;

    @Autowired
    io.beseda.customer.Customers customers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aMarketerEditsTheAbandonedCartTemplateAndLaunchesIt() {
        var shop = workspaces.create("Пути в браузере");
        var page = browser.signedIn("http://localhost:" + port, workspaces.addUser(shop, Role.MARKETER).email());

        page.locator("nav.main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Сценарии").setExact(true)).click();
        page.waitForURL("**/journeys");
        page.locator("#template-abandoned-cart").click();
        page.waitForURL("**/journeys/*");
        assertThat(page.locator("#problems")).containsText("Путь готов к запуску");
        assertThat(page.locator("input[name='trigger.idle']")).isVisible();
        assertThat(page.locator("input[name='trigger.statuses']")).isHidden();

        var push = page.locator("li.step[data-step=push]");
        push.locator("textarea[name='s0.m.PUSH.body']").fill("");
        push.locator("input[name='s0.name']").click();
        assertThat(page.locator("#problems")).containsText("нет текста для канала PUSH");
        push.locator("textarea[name='s0.m.PUSH.body']").fill("Корзина ждёт вас: {{ cart.link }}");
        page.locator("input[name=name]").click();
        assertThat(page.locator("#problems")).containsText("Путь готов к запуску");

        page.locator("select[name='trigger.type']").selectOption("order_status_changed");
        assertThat(page.locator("input[name='trigger.statuses']")).isVisible();
        page.locator("select[name='trigger.type']").selectOption("cart_abandoned");
        page.locator("input[name='trigger.idle']").fill("45 мин");

        page.locator("button[data-add=exit]").click();
        assertThat(page.locator("#unsaved")).isVisible();
        assertThat(page.locator("li.step")).hasCount(8);
        assertThat(page.locator("li.step").last().locator("input[name='s7.id']")).hasValue("exit-1");
        assertThat(page.locator("textarea[name='s0.m.PUSH.body']")).hasValue("Корзина ждёт вас: {{ cart.link }}");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить черновик")).click();
        assertThat(page.locator(".alert.notice")).hasText("Черновик сохранён.");

        var customer = customers.resolve(shop.workspace().id(), java.util.List.of(io.beseda.customer.Identity.phone("+7 916 777-00-11")),
                java.time.Instant.now()).orElseThrow();
        jdbc.sql("update customer set name = 'Ольга Превью' where id = ?").param(customer.value()).update();
        page.locator("#preview-form input[name=previewCustomer]").fill("777-00-11");
        page.locator("#preview-form select[name=preview]").selectOption("4:SMS");
        page.locator("#preview-button").click();
        assertThat(page.locator("#preview")).containsText("Так увидит Ольга Превью в канале SMS");
        assertThat(page.locator("#preview .preview-body")).containsText("Ольга, товары ждут вас в корзине");
        page.locator("#launch").click();
        assertThat(page.locator(".alert.notice")).containsText("Запущена версия 1");
        assertThat(page.locator("h1 [data-status]")).hasText("Запущен");

        var journey = catalog.list(shop.workspace().id()).getFirst();
        assertThat(journey.status()).isEqualTo(JourneySummary.Status.ACTIVE);
        var definition = catalog.version(shop.workspace().id(), journey.id(), 1).definition();
        assertThat(((Step.Send) definition.steps().getFirst()).messages().get(Channel.PUSH).body())
                .isEqualTo("Корзина ждёт вас: {{ cart.link }}");
        assertThat(definition.steps().getLast()).isInstanceOf(Step.Exit.class);
        assertThat(definition.trigger()).isEqualTo(new io.beseda.journey.definition.Trigger.CartAbandoned(java.time.Duration.ofMinutes(45)));
    }
}
