package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.consent.Consents;
import io.beseda.customer.Customers;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.TestRuns;
import io.beseda.journey.runtime.TestScenario;
import io.beseda.journey.runtime.TimelineEntry;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;
import io.beseda.workspace.Actor;

/** Test mode: a journey for a real customer on a virtual clock, with the real send policy, sending nothing. */
@BesedaTest
class JourneyTestRunTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    Consents consents;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    TestRuns testRuns;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;

    private JourneyShop shop(Channel... consented) {
        var shop = new JourneyShop(workspaces, port, jdbc, new VirtualClock(Instant.now()), null, customers)
                .accounts(accounts, Channel.PUSH, Channel.SMS, Channel.EMAIL);
        shop.shopper();
        shop.consents(consents, consented);
        return shop;
    }

    /** Tomorrow at 10:00 where the shopper lives, clear of quiet hours. */
    private static Instant tenAm(JourneyShop shop) {
        var zone = shop.zone();
        return java.time.LocalDate.now(zone).plusDays(1).atTime(10, 0).atZone(zone).toInstant();
    }

    @Test
    void showsEachMessageOnItsChannelAndWhyTheSmsIsSkipped() {
        var shop = shop(Channel.PUSH, Channel.EMAIL);
        var journey = catalog.create(Actor.system(shop.workspace, "test"), "Корзина (черновик)",
                ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), null).id();
        shop.putInCart();

        var timeline = testRuns.simulate(shop.workspace, journey, shop.customerId(), TestScenario.everythingArrives().startingAt(tenAm(shop)));

        var start = timeline.getFirst().at();
        assertThat(timeline).filteredOn(e -> e.what().equals("отправлено")).extracting(TimelineEntry::channel)
                .containsExactly(Channel.PUSH, Channel.EMAIL);
        var sms = timeline.stream().filter(e -> e.channel() == Channel.SMS && e.what().equals("не доставлено")).findFirst().orElseThrow();
        assertThat(sms.why()).startsWith("NO_MARKETING_CONSENT");
        assertThat(Duration.between(start, sms.at())).isEqualTo(Duration.ofMinutes(30));
        var email = timeline.stream().filter(e -> e.channel() == Channel.EMAIL && e.what().equals("отправка")).findFirst().orElseThrow();
        assertThat(Duration.between(start, email.at())).isEqualTo(Duration.ofMinutes(150));
        assertThat(email.text()).startsWith("Здравствуйте, ваша корзина ждёт").contains("Платье «Лето» × 1");
        assertThat(timeline.getLast().what()).isEqualTo("путь пройден");
        assertThat(jdbc.sql("select count(*) from outbound_message where workspace_id = ?").param(shop.workspace.value())
                .query(Long.class).single()).as("a test run sends nothing").isZero();
    }

    @Test
    void aPushThatDoesNotArriveFailsOverAndAPurchaseEndsTheRun() {
        var shop = shop(Channel.PUSH, Channel.SMS, Channel.EMAIL);
        var journey = catalog.create(Actor.system(shop.workspace, "test"), "Корзина (черновик)",
                ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), null).id();
        shop.putInCart();

        var timeline = testRuns.simulate(shop.workspace, journey, shop.customerId(), new TestScenario(Set.of(Channel.PUSH), false, "sms", tenAm(shop)));

        assertThat(timeline).extracting(TimelineEntry::what).containsSubsequence("не доставлено", "условие: нет", "отправка", "покупка");
        assertThat(timeline).filteredOn(e -> e.what().equals("отправлено")).extracting(TimelineEntry::channel).containsExactly(Channel.SMS);
        assertThat(timeline).noneMatch(e -> e.channel() == Channel.EMAIL);
    }
}
