package io.beseda.consent;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer follows the unsubscribe link from a marketing e-mail, over real HTTP and without signing in. */
@BesedaTest
class UnsubscribeLinkTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    Consents consents;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    UnsubscribeKey key;

    @Autowired
    JdbcClient jdbc;

    @Test
    void customerConfirmsOnThePageAndMarketingByThatChannelStops() {
        var shop = workspaces.create("Магазин «Ромашка»").workspace().id();
        var customer = subscribed(shop);
        var path = links.path(shop, customer, Channel.EMAIL);
        var browser = Http.console(port);

        var page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Отписка от рекламы", "Магазин «Ромашка»", "E-mail", "Отписаться");
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.EMAIL))
                .as("opening the link (as mail scanners do) changes nothing").isEqualTo(ConsentStatus.GRANTED);

        var done = browser.post(path, Map.of());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Вы отписались");
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.EMAIL)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(consents.history(shop, customer).getFirst()).satisfies(record -> {
            assertThat(record.source()).isEqualTo(ConsentSource.UNSUBSCRIBE_LINK);
            assertThat(record.ip()).isEqualTo("127.0.0.1");
            assertThat(record.proof()).containsEntry("via", "unsubscribe page");
        });
    }

    @Test
    void mailClientsOneClickPostWorksWithoutSessionOrCsrfAndOnlyOnce() {
        var shop = workspaces.create("Один клик").workspace().id();
        var customer = subscribed(shop);
        var path = links.path(shop, customer, Channel.EMAIL);
        var mailClient = Http.api(port);

        var first = mailClient.post(path, Map.of("List-Unsubscribe", "One-Click"));
        var second = mailClient.post(path, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        var withdrawals = consents.history(shop, customer).stream().filter(r -> !r.granted()).toList();
        assertThat(withdrawals).singleElement()
                .satisfies(r -> assertThat(r.proof()).containsEntry("via", "List-Unsubscribe=One-Click"));
    }

    @Test
    void tamperedOrMadeUpLinksGetAPlainNotFoundPage() {
        var shop = workspaces.create("Подделка").workspace().id();
        var customer = subscribed(shop);
        var token = links.token(shop, customer, Channel.EMAIL);
        var tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        var visitor = Http.api(port);

        for (var path : new String[]{"/u/" + tampered, "/u/not-a-token", "/u/" + token.substring(0, 30)}) {
            var page = visitor.get(path);
            var post = visitor.post(path, Map.of("List-Unsubscribe", "One-Click"));
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(post.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).contains("Ссылка недействительна").doesNotContain("Exception", "at io.beseda");
        }
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.EMAIL)).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void pageSpeaksEnglishOnRequest() {
        var shop = workspaces.create("Shop").workspace().id();
        var path = links.path(shop, subscribed(shop), Channel.EMAIL);

        assertThat(Http.console(port).get(path + "?lang=en").body()).contains("Unsubscribe from marketing", "Unsubscribe");
    }

    @Test
    void generatedKeyIsKeptSoLinksSurviveARestart() {
        var shop = workspaces.create("Перезапуск").workspace().id();
        var token = links.token(shop, subscribed(shop), Channel.EMAIL);

        var afterRestart = new UnsubscribeTokens(new UnsubscribeKey(new io.beseda.shared.InstallationSecrets(jdbc), new ConsentSettings(null))::bytes);
        var otherInstallation = new UnsubscribeTokens(new UnsubscribeKey(new io.beseda.shared.InstallationSecrets(jdbc), new ConsentSettings("s".repeat(40)))::bytes);

        assertThat(afterRestart.read(token)).isPresent();
        assertThat(otherInstallation.read(token)).isEmpty();
        assertThat(key.bytes()).hasSize(32);
        assertThatThrownBy(() -> new ConsentSettings("too short")).hasMessageContaining("at least 32 characters");
    }

    private CustomerId subscribed(WorkspaceId shop) {
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.EMAIL);
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        return customer;
    }
}
