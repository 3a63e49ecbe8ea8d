package io.beseda.consent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import io.beseda.customer.CustomerId;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

/** The fragment a customer's profile includes, rendered the way the profile page will render it. */
@BesedaTest
class CustomerConsentsFragmentTests {

    private static final String HOSTILE = "<script>alert('x')</script>";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Consents consents;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    CustomerConsentPanels panels;

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void showsCurrentStateHistoryAndDecisionsInRussian() {
        var shop = workspaces.create("Профиль").workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.TELEGRAM);

        var html = render(shop, customer, "ru");

        assertThat(html).contains("Согласия сейчас", "Telegram", "Дано", "Оформление заказа", "2026-01", "Дал согласие")
                .contains("Решений об отправке ещё не было.");
    }

    @Test
    void speaksEnglishWhenAskedTo() {
        var shop = workspaces.create("Profile").workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.VK);

        assertThat(render(shop, customer, "en")).contains("Consents now", "Granted", "Checkout");
    }

    @Test
    void rendersWhatPeopleTypedAsText() {
        var shop = workspaces.create("Враждебный текст").workspace().id();
        var customer = fixtures.customer(shop);
        consents.record(Actor.system(shop, HOSTILE), customer, new ConsentChange(ConsentPurpose.MARKETING, Channel.MAX, HOSTILE,
                false, null, ConsentSource.OPERATOR, null, null, Map.of()));

        var html = render(shop, customer, "ru");

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void consoleServesThePanelForAProfilePageToLoad() {
        var tenant = workspaces.create("Панель согласий");
        var shop = tenant.workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.WHATSAPP);
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var panel = console.get("/customers/" + customer + "/consents");

        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).startsWith("<section class=\"customer-consents\"").contains("WhatsApp", "Дано")
                .doesNotContain("<html", "topbar");
    }

    @Test
    void emptyLedgerSaysSo() {
        var shop = workspaces.create("Пусто").workspace().id();

        assertThat(render(shop, fixtures.customer(shop), "ru")).contains("Записей о согласиях нет");
    }

    private String render(WorkspaceId shop, CustomerId customer, String language) {
        var context = new Context(Locale.forLanguageTag(language));
        context.setVariable("panel", panels.of(shop, customer));
        return templates.process("consent/customer-consents", Set.of("consents"), context);
    }
}
