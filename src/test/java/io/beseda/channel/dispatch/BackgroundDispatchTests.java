package io.beseda.channel.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.awaitility.Awaitility.await;

/** With the background dispatcher on and its timer set to an hour, a queued reply still goes out at once. */
@BesedaTest
@TestPropertySource(properties = {"beseda.channel.scheduled-dispatch=true", "beseda.channel.dispatch-interval=1h"})
class BackgroundDispatchTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Test
    void aQueuedMessageIsSentWithoutWaitingForTheTimer() {
        var ws = workspaces.create("Сразу").workspace().id();
        var customer = customers.resolve(ws, List.of(Identity.phone("+79057770011")), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.VK, "sandbox", "ВК", Map.of(), 10);

        var id = outbox.queue(ws, new OutboundMessage(customer, Channel.VK, MessageCategory.SERVICE, "Заказ собран", "id-1",
                "background-1", false, Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(ws, id).orElseThrow().status() == MessageStatus.SENT);
    }
}
