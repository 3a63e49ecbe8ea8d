package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyEntries;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;
import io.beseda.workspace.Actor;

/** «Статус заказа» on the customer's preferred channel, and versions: who finishes on which. */
@BesedaTest
// closed after the class: its scheduler runs on a clock years ahead and must not fire other contexts' timers
@DirtiesContext
@TestPropertySource(properties = "beseda.journey.timers=true")
@Import(AbandonedCartJourneyTests.Clocks.class)
class OrderStatusAndVersionTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyEntries entries;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VirtualClock clock;

    private JourneyShop shop(Channel... channels) {
        clock.set(JourneyShop.freshDay().atTime(LocalTime.of(12, 0)).atZone(ZoneId.of("Europe/Moscow")).toInstant());
        var shop = new JourneyShop(workspaces, port, jdbc, clock, dispatcher, customers).accounts(accounts, channels);
        shop.shopper();
        return shop;
    }

    @Test
    void eachStatusGoesOnceToTheChannelTheCustomerLastWroteFromWithTheCourierAndACsatQuestionAtTheEnd() {
        var shop = shop(Channel.TELEGRAM, Channel.SMS, Channel.EMAIL);
        shop.launch(catalog, "Статус заказа", ShippedJourneys.orderStatus());
        inbound.receive(shop.workspace, new InboundMessage(Channel.SMS, "sms-" + UUID.randomUUID(), Identity.phone(shop.phone), null,
                "Когда привезёте?", List.of(), null, clock.instant()));

        shop.buy("R-" + shop.telegram, 4990);
        shop.event("order_status_changed", Map.of("orderId", "R-" + shop.telegram, "status", "shipped", "courierName", "Сергей",
                "courierPhone", "+7 916 000-11-22"));
        shop.awaitMessageOn("SMS");
        shop.event("order_status_changed", Map.of("orderId", "R-" + shop.telegram, "status", "shipped"));
        shop.event("order_status_changed", Map.of("orderId", "R-" + shop.telegram, "status", "delivered"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> shop.messages().size() == 2);

        var sent = shop.messages();
        assertThat(sent).extracting(JourneyShop.Sent::channel).containsExactly("SMS", "SMS");
        assertThat(sent.get(0).body()).contains("Заказ R-" + shop.telegram).contains("Курьер: Сергей, +7 916 000-11-22");
        assertThat(sent.get(1).body()).contains("доставлен").contains("от 1 до 5");
        assertThat(jdbc.sql("select quick_replies::text from outbound_message where workspace_id = ? and body like '%от 1 до 5%'")
                .param(shop.workspace.value()).query(String.class).single()).contains("\"1\"").contains("\"5\"");
        assertThat(jdbc.sql("select count(*) from journey_run where workspace_id = ?").param(shop.workspace.value())
                .query(Long.class).single()).as("a status reported twice is one entry").isEqualTo(2);
    }

    @Test
    void customersInsideFinishOnTheirVersionUnlessMovedToTheNewOne() {
        var shop = shop(Channel.SMS);
        var actor = Actor.system(shop.workspace, "test");
        var journey = catalog.create(actor, "Версии", waitThenSay("первая"), null).id();
        catalog.launch(actor, journey, false, List.of());
        var first = shop.customerId();
        var second = customers.resolve(shop.workspace, List.of(Identity.phone("+7926" + shop.phone.substring(5))), clock.instant()).orElseThrow();
        var third = customers.resolve(shop.workspace, List.of(Identity.phone("+7925" + shop.phone.substring(5))), clock.instant()).orElseThrow();
        entries.enterByApi(shop.workspace, journey, first, Map.of());

        catalog.saveDraft(actor, journey, "Версии", waitThenSay("вторая"));
        assertThat(catalog.get(shop.workspace, journey).liveVersion()).as("a saved edit is a draft").isEqualTo(1);
        catalog.launch(actor, journey, false, List.of());
        entries.enterByApi(shop.workspace, journey, second, Map.of());
        shop.after(Duration.ofHours(1).plusSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> said(shop).size() == 2);
        assertThat(said(shop)).as("each finishes on the version they entered")
                .containsExactlyInAnyOrder(Map.entry(first.value(), "Версия: первая"), Map.entry(second.value(), "Версия: вторая"));

        entries.enterByApi(shop.workspace, journey, third, Map.of());
        catalog.saveDraft(actor, journey, "Версии", waitThenSay("третья"));
        catalog.launch(actor, journey, true, List.of());
        shop.after(Duration.ofHours(1).plusSeconds(1));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> said(shop).size() == 3);
        assertThat(said(shop)).as("moved to the new version at the step they were at").contains(Map.entry(third.value(), "Версия: третья"));
        assertThat(catalog.versions(shop.workspace, journey)).hasSize(3);
    }

    private List<Map.Entry<UUID, String>> said(JourneyShop shop) {
        return jdbc.sql("select customer_id, body from outbound_message where workspace_id = ?").param(shop.workspace.value())
                .query((row, n) -> Map.entry(row.getObject(1, UUID.class), row.getString(2))).list();
    }

    private static JourneyDefinition waitThenSay(String version) {
        return new JourneyDefinition(new Trigger.ApiCall(), List.of(
                new Step.Delay("wait", "Час", Duration.ofHours(1), null),
                new Step.Send("say", "SMS", List.of(Channel.SMS), Map.of(Channel.SMS, new Message(null, "Версия: " + version)), false, null, null)),
                null, EntryRule.everyTime(), MessageCategory.SERVICE, 3, Duration.ofDays(1), Duration.ZERO);
    }
}
