package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journey statistics read what the engine and the dispatcher really wrote: the shipped abandoned cart run for a
 * shopper without SMS consent, then the per-step figures from /api/v1/journeys/{id}/stats and the console page.
 */
@BesedaTest
// the same context as AbandonedCartJourneyTests (a scheduler on a clock years ahead), closed after the class
@DirtiesContext
@TestPropertySource(properties = "beseda.journey.timers=true")
@Import(AbandonedCartJourneyTests.Clocks.class)
class JourneyStatisticsEndToEndTests {

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

    @Test
    void theStatisticsCountThePushTheDeniedSmsAndTheEmail() {
        clock.set(JourneyShop.freshDay().atTime(LocalTime.of(10, 0)).atZone(AbandonedCartJourneyTests.MOSCOW).toInstant());
        var shop = new JourneyShop(workspaces, port, jdbc, clock, dispatcher, customers)
                .accounts(accounts, Channel.PUSH, Channel.SMS, Channel.EMAIL);
        shop.shopper();
        shop.consents(consents, Channel.PUSH, Channel.EMAIL);
        var journey = shop.launch(catalog, "Брошенная корзина", ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL));
        shop.putInCartAndLeave();
        shop.after(Duration.ofMinutes(30).plusSeconds(1));
        shop.awaitMessageOn("PUSH");
        shop.dispatch();
        shop.awaitStep("pause-sms");
        shop.after(Duration.ofMinutes(30));
        shop.awaitMessageOn("SMS");
        shop.dispatch();
        shop.awaitStep("pause-email");
        shop.after(Duration.ofHours(2));
        shop.awaitMessageOn("EMAIL");
        shop.dispatch();
        shop.awaitStatus("COMPLETED");

        var stats = JsonMapper.builder().build().readTree(Http.api(port)
                .call("GET", "/api/v1/journeys/" + journey + "/stats", shop.tenant.apiKey(), null).body());

        assertThat(stats.get("entered").asInt()).isEqualTo(1);
        assertThat(stats.get("inside").asInt()).isZero();
        var push = step(stats, "push");
        assertThat(push.get("entered").asInt()).isEqualTo(1);
        assertThat(push.get("sent").asInt()).isEqualTo(1);
        assertThat(push.get("denied").asInt()).isZero();
        var sms = step(stats, "sms");
        assertThat(sms.get("entered").asInt()).isEqualTo(1);
        assertThat(sms.get("sent").asInt()).isZero();
        assertThat(sms.at("/deniedBy/NO_MARKETING_CONSENT").asInt()).isEqualTo(1);
        assertThat(step(stats, "email").get("sent").asInt()).isEqualTo(1);
        assertThat(step(stats, "coupon").get("entered").asInt()).isEqualTo(1);

        var console = Http.console(port);
        console.signIn(shop.tenant.owner().email(), TestWorkspaces.PASSWORD);
        var page = console.get("/journeys/" + journey + "/stats");
        assertThat(page.body()).contains("Покупатель не давал согласия на рекламу в этом канале. — 1");
        assertThat(console.get("/journeys").body()).containsPattern("data-journey=\"" + journey + "\"[\\s\\S]*?data-figure=\"entered\">1<");
    }

    private static JsonNode step(JsonNode stats, String id) {
        for (var step : stats.get("steps")) {
            if (step.get("stepId").asString().equals(id)) {
                return step;
            }
        }
        throw new AssertionError("no step " + id + " in " + stats);
    }
}
