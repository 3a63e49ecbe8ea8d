package io.beseda.consent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Role;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Send policy, as an owner uses it in the console: change the policy, then ask "would this be sent?". */
@BesedaTest
class SendPolicyConsoleTests {

    private static final String PAGE = "/settings/send-policy";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    SendPolicy policy;

    @Autowired
    Customers customers;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ownerChangesThePolicyInTheConsole() {
        var tenant = workspaces.create("Политика в консоли");
        var console = signedIn(tenant);
        var page = console.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Политика отправки", "Тихие часы", "value=\"21:00\"", "value=\"09:00\"");

        var saved = console.submit(PAGE, PAGE, form("BANK", "VK", "4", "23:00", false));

        assertThat(location(saved)).endsWith(PAGE);
        assertThat(console.get(PAGE).body()).contains("Политика отправки сохранена.");
        var settings = policy.settings(tenant.workspace().id());
        assertThat(settings.organisationType()).isEqualTo(OrganisationType.BANK);
        assertThat(settings.restrictedChannels()).containsExactly(Channel.VK);
        assertThat(settings.marketingPerDay()).isEqualTo(4);
        assertThat(settings.quietFrom()).hasToString("23:00");
        assertThat(settings.serviceInQuietHours()).isFalse();
    }

    @Test
    void invalidCapsAndTimesAreShownAndNothingChanges() {
        var tenant = workspaces.create("Ошибки политики");
        var console = signedIn(tenant);

        var refused = console.submit(PAGE, PAGE, form("OTHER", "TELEGRAM", "-1", "7 вечера", true));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("field-error");
        assertThat(policy.settings(tenant.workspace().id()).marketingPerDay()).isEqualTo(2);
    }

    @Test
    void dryRunShowsTheDecisionAndItsReasonInRussian() {
        var tenant = workspaces.create("Проверка в консоли");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 922 000-11-22")), Instant.now()).orElseThrow();
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        var console = signedIn(tenant);

        var lateEvening = console.submit(PAGE, PAGE + "/check", check("8 (922) 000-11-22", "SMS", "MARKETING", "2026-03-10T22:30"));
        var noConsent = console.submit(PAGE, PAGE + "/check", check(customer.toString(), "EMAIL", "MARKETING", ""));

        assertThat(lateEvening.body()).contains("Отложено", "11.03.2026 09:00", "Asia/Yekaterinburg",
                "У покупателя тихие часы по его местному времени");
        assertThat(noConsent.body()).contains("Не будет отправлено", "Покупатель не давал согласия на рекламу в этом канале.");
        assertThat(policy.decisions(shop, customer, 10)).hasSize(2).allMatch(RecordedDecision::dryRun);
    }

    @Test
    void dryRunNamesBothClocksWhenTheCustomerLivesElsewhere() {
        var tenant = workspaces.create("Камчатка");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.email("kamchatka@example.ru")), Instant.now()).orElseThrow();
        fixtures.grantMarketing(shop, customer, Channel.EMAIL);
        jdbc.sql("update customer set time_zone = 'Asia/Kamchatka' where id = ?").param(customer.value()).update();
        var console = signedIn(tenant);

        var result = console.submit(PAGE, PAGE + "/check", check("Kamchatka@Example.ru", "EMAIL", "MARKETING", "2026-03-10T22:30"));

        assertThat(result.body()).contains("до 11.03.2026 09:00 по времени покупателя (Asia/Kamchatka); по времени магазина — 11.03.2026 02:00");
    }

    @Test
    void pageSpeaksEnglishOnRequest() {
        var console = signedIn(workspaces.create("Policy in English"));

        assertThat(console.get(PAGE + "?lang=en").body()).contains("Send policy", "Quiet hours",
                "Time in the shop&#39;s zone (Asia/Yekaterinburg); empty means now.");
    }

    @Test
    void dryRunFindsOnlyTheWorkspacesOwnCustomersAndShowsTypedTextAsText() {
        var tenant = workspaces.create("Свои покупатели");
        var other = workspaces.create("Чужие покупатели");
        var stranger = fixtures.customer(other.workspace().id());
        var console = signedIn(tenant);

        var foreign = console.submit(PAGE, PAGE + "/check", check(stranger.toString(), "SMS", "SERVICE", ""));
        var hostile = console.submit(PAGE, PAGE + "/check", check("<script>alert(1)</script>", "SMS", "SERVICE", ""));

        assertThat(foreign.body()).contains("Такого покупателя в этом пространстве нет.");
        assertThat(policy.decisions(other.workspace().id(), stranger, 10)).isEmpty();
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void onlyOwnersAndAdminsSeeThePolicy() {
        var tenant = workspaces.create("Права на политику");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var console = Http.console(port);
        console.signIn(operator.email(), TestWorkspaces.PASSWORD);

        assertThat(console.get(PAGE).statusCode()).isEqualTo(403);
    }

    private Http signedIn(Tenant tenant) {
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
        return console;
    }

    /** The fields a browser sends; an unticked checkbox sends only Spring's "_field" marker. */
    private static Map<String, String> form(String type, String restricted, String perDay, String quietFrom, boolean service) {
        var fields = new HashMap<>(Map.of("organisationType", type, "restrictedChannels", restricted,
                "_restrictedChannels", "on", "marketingPerDay", perDay, "marketingPerWeek", "6",
                "marketingPerDayPerChannel", "1", "marketingPerWeekPerChannel", "3", "quietFrom", quietFrom,
                "quietTo", "08:00", "_serviceInQuietHours", "on"));
        if (service) {
            fields.put("serviceInQuietHours", "true");
        }
        return fields;
    }

    private static Map<String, String> check(String customer, String channel, String category, String at) {
        return Map.of("customer", customer, "channel", channel, "category", category, "at", at, "_template", "on");
    }
}
