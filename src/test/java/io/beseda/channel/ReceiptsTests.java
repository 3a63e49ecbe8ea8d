package io.beseda.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class ReceiptsTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Receipts receipts;

    @Test
    void aReadReceiptIsNotUndoneByALateDeliveryReceipt() {
        var ws = workspaces.create("Квитанции").workspace().id();
        var customer = customers.resolve(ws, List.of(Identity.phone("+79051112233")), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.TELEGRAM, "sandbox", "Песочница", Map.of(), 10);
        var id = outbox.queue(ws, new OutboundMessage(customer, Channel.TELEGRAM, MessageCategory.SERVICE, "Заказ собран", "42",
                "receipt-1", false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var providerId = outbox.find(ws, id).orElseThrow().providerMessageId();

        assertThat(receipts.record(ws, providerId, MessageStatus.READ)).contains(id);
        assertThat(receipts.record(ws, providerId, MessageStatus.DELIVERED)).isEmpty();
        assertThat(receipts.record(ws, providerId, MessageStatus.READ)).isEmpty();
        assertThat(outbox.find(ws, id).orElseThrow().status()).isEqualTo(MessageStatus.READ);
    }

    @Test
    void aReceiptForAnotherWorkspacesMessageChangesNothing() {
        var a = workspaces.create("Квитанция А").workspace().id();
        var b = workspaces.create("Квитанция Б").workspace().id();
        var customer = customers.resolve(a, List.of(Identity.phone("+79051112244")), Instant.now()).orElseThrow();
        accounts.add(a, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        var id = outbox.queue(a, new OutboundMessage(customer, Channel.SMS, MessageCategory.SERVICE, "Код 1234", null,
                "receipt-2", false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var providerId = outbox.find(a, id).orElseThrow().providerMessageId();

        assertThat(receipts.record(b, providerId, MessageStatus.DELIVERED)).isEmpty();
        assertThat(outbox.find(a, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }
}
