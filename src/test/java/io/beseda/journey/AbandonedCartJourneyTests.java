package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.Consents;
import io.beseda.customer.Customers;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;

/**
 * The shipped «Брошенная корзина» end to end: storefront events in, db-scheduler timers on a virtual clock,
 * messages through the outbox, the send policy and the sandbox connectors, receipts back into the journey.
 */
@BesedaTest
// closed after the class: its scheduler runs on a clock years ahead and must not fire other contexts' timers
@DirtiesContext
@TestPropertySource(properties = "beseda.journey.timers=true")
@Import(AbandonedCartJourneyTests.Clocks.class)
class AbandonedCartJourneyTests {

    /** Years ahead of real time, so no other context's timers are due on it (and ours are not on theirs). */
    static final Instant MONDAY_10_MSK = Instant.parse("2031-03-10T07:00:00Z");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        VirtualClock virtualClock() {
            return new VirtualClock(MONDAY_10_MSK);
        }
    }

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
    Dispatcher dispatcher;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VirtualClock clock;

    private JourneyShop shop(LocalTime moscowTime, Channel... consented) {
        var start = JourneyShop.freshDay().atTime(moscowTime).atZone(MOSCOW).toInstant();
        clock.set(start);
        var shop = new JourneyShop(workspaces, port, jdbc, clock, dispatcher, customers)
                .accounts(accounts, Channel.PUSH, Channel.SMS, Channel.EMAIL);
        shop.shopper();
        shop.consents(consents, consented);
        shop.launch(catalog, "Брошенная корзина", ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL));
        return shop;
    }

    /** Past the cart's 30 quiet minutes: the shopper is entered and the push goes out. */
    private void pushGoesOut(JourneyShop shop) {
        shop.putInCartAndLeave();
        shop.after(Duration.ofMinutes(30).plusSeconds(1));
        shop.awaitMessageOn("PUSH");
        shop.dispatch();
    }

    @Test
    void aPurchaseAfterThePushExitsBeforeTheSms() {
        var shop = shop(LocalTime.of(10, 0), Channel.PUSH, Channel.SMS, Channel.EMAIL);
        pushGoesOut(shop);
        shop.awaitStep("pause-sms");

        shop.after(Duration.ofMinutes(10));
        shop.buy("R-1001", 4990);
        shop.awaitStatus("CONVERTED");
        shop.after(Duration.ofMinutes(25));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> shop.timersOfRun() == 0);
        shop.dispatch();

        assertThat(shop.channels()).containsExactly("PUSH");
        assertThat(shop.run()).containsEntry("revenue", JourneyShop.rub(4990)).containsEntry("converted_step", "push");
    }

    @Test
    void withoutConsentForSmsTheCustomerGetsTheEmailInstead() {
        var shop = shop(LocalTime.of(10, 0), Channel.PUSH, Channel.EMAIL);
        pushGoesOut(shop);
        shop.awaitStep("pause-sms");

        shop.after(Duration.ofMinutes(30));
        shop.awaitMessageOn("SMS");
        shop.dispatch();
        shop.awaitStep("pause-email");
        shop.after(Duration.ofHours(2));
        shop.awaitMessageOn("EMAIL");
        shop.dispatch();
        shop.awaitStatus("COMPLETED");

        var sent = shop.messages();
        assertThat(sent).extracting(JourneyShop.Sent::channel).containsExactly("PUSH", "SMS", "EMAIL");
        assertThat(sent.get(1).status()).isEqualTo("FAILED");
        assertThat(sent.get(1).failureReason()).isEqualTo("NO_MARKETING_CONSENT");
        assertThat(sent.get(2).status()).isEqualTo("SENT");
        assertThat(sent.get(2).subject()).isEqualTo("Здравствуйте, ваша корзина ждёт");
        assertThat(sent.get(2).body()).contains("Платье «Лето» × 1").contains("CART");
        assertThat(shop.executions()).contains("sms FAILED SMS", "sms NOT_SENT", "email SENT EMAIL");
    }

    @Test
    void quietHoursDeferTheSmsToNineInTheMorningLocalTime() {
        var shop = shop(LocalTime.of(20, 0), Channel.PUSH, Channel.SMS, Channel.EMAIL);
        var zone = shop.zone();
        // 20:00 where the shopper lives, a day later (the clock only moves forward)
        clock.set(clock.instant().atZone(zone).toLocalDate().plusDays(1).atTime(20, 0).atZone(zone).toInstant());
        var nineTomorrow = clock.instant().atZone(zone).toLocalDate().plusDays(1).atTime(9, 0).atZone(zone).toInstant();
        pushGoesOut(shop);
        shop.awaitStep("pause-sms");

        shop.after(Duration.ofMinutes(30));
        shop.awaitMessageOn("SMS");
        shop.dispatch();

        var sms = shop.messages().get(1);
        assertThat(sms.status()).isEqualTo("QUEUED");
        assertThat(sms.nextAttemptAt()).as("09:00 where the shopper lives (" + zone + ")").isEqualTo(nineTomorrow);
        assertThat(sms.body()).containsPattern("4\\h990\\h₽").contains("CART-");
        assertThat(shop.run()).containsEntry("step", "sms").containsEntry("phase", "WAITING_MESSAGE");

        clock.set(nineTomorrow.plusSeconds(1));
        shop.dispatch();
        shop.awaitStep("pause-email");
        assertThat(shop.messages().get(1).status()).isEqualTo("SENT");
    }

    @Test
    void aPushThatCannotBeDeliveredFailsOverToTheSmsAtOnce() {
        var shop = shop(LocalTime.of(10, 0), Channel.PUSH, Channel.SMS, Channel.EMAIL);
        // the shop's push account is switched off: the dispatcher cannot deliver the push it queued
        shop.putInCartAndLeave();
        shop.after(Duration.ofMinutes(30).plusSeconds(1));
        shop.awaitMessageOn("PUSH");
        accounts.list(shop.workspace).stream().filter(a -> a.channel() == Channel.PUSH)
                .forEach(a -> accounts.setEnabled(shop.workspace, a.id(), false));
        shop.dispatch();

        shop.awaitMessageOn("SMS");
        shop.dispatch();
        var sent = shop.messages();
        assertThat(sent).extracting(JourneyShop.Sent::channel).containsExactly("PUSH", "SMS");
        assertThat(sent.get(0).status()).isEqualTo("FAILED");
        assertThat(sent.get(1).status()).isEqualTo("SENT");
        assertThat(shop.executions()).containsSubsequence("push FAILED PUSH", "push-reached OTHERWISE", "coupon DONE", "sms QUEUED SMS");
    }
}
