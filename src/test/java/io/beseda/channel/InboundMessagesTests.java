package io.beseda.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.Consents;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
@RecordApplicationEvents
class InboundMessagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Customers customers;

    @Autowired
    Consents consents;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    @Test
    void aStoredMessageIsNotFoundFromAnotherWorkspace() {
        var mine = workspaces.create("Свои").workspace().id();
        var theirs = workspaces.create("Чужие").workspace().id();
        var id = inbound.receive(mine, new InboundMessage(Channel.TELEGRAM, "tg-own-1", Identity.of(io.beseda.customer.IdentityKind.TELEGRAM, "777001"),
                null, "Привет", List.of(), null, Instant.now())).orElseThrow();

        assertThat(inbound.find(mine, id)).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("Привет"));
        assertThat(inbound.find(theirs, id)).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsStoredOnceAndAnnouncedOnce() {
        var ws = workspaces.create("Входящие").workspace().id();
        var message = new InboundMessage(Channel.TELEGRAM, "tg-1001", Identity.of(io.beseda.customer.IdentityKind.TELEGRAM, "777000"),
                "Ольга", "Где мой заказ?", List.of(), null, Instant.now());

        // Each in a transaction of its own on this thread, where the recorded events are kept (alone, the
        // write would run on a group-commit thread, whose events this test would not see).
        var first = transactions.execute(status -> inbound.receive(ws, message));
        var again = transactions.execute(status -> inbound.receive(ws, message));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(events.stream(InboundMessageReceived.class).filter(e -> e.workspaceId().equals(ws))).hasSize(1);
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from inbound_message where workspace_id = ?")
                .param(ws.value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void stopInAnSmsEndsMarketingBySmsAtOnceAndTheNextPromoIsNotSent() {
        var tenant = workspaces.create("СТОП");
        var ws = tenant.workspace().id();
        var phone = Identity.phone("+7 905 111-22-33");
        var customer = customers.resolve(ws, List.of(phone), Instant.now()).orElseThrow();
        var actor = Actor.system(ws, "test");
        consents.registerText(actor, ConsentPurpose.MARKETING, "v1", "Согласен получать рекламу по SMS");
        consents.record(actor, customer, new ConsentChange(ConsentPurpose.MARKETING, Channel.SMS, phone.value(), true, "v1",
                ConsentSource.CHECKOUT, null, null, Map.of()));
        accounts.add(ws, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);

        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
        console.submit("/sandbox", "/sandbox/reply", Map.of("channel", "SMS", "address", "8 905 111 22 33", "text", "СТОП"));

        assertThat(consents.status(ws, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.WITHDRAWN);
        var promo = outbox.queue(ws, new OutboundMessage(customer, Channel.SMS, MessageCategory.MARKETING, "Скидка 20%", null,
                "promo-after-stop", false, Duration.ofDays(1)));
        dispatcher.dispatchDue();
        assertThat(outbox.find(ws, promo)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.failureReason()).contains("CONSENT");
        });
    }

    @Test
    void aWhatsAppMessageOpensTheReplyWindow() {
        var ws = workspaces.create("Окно WhatsApp").workspace().id();

        inbound.receive(ws, new InboundMessage(Channel.WHATSAPP, "wamid.1", Identity.of(io.beseda.customer.IdentityKind.WHATSAPP, "79051234567"),
                null, "Здравствуйте", List.of(), null, Instant.now()));

        assertThat(JdbcClient.create(dataSource).sql("select count(*) from customer_channel_activity where workspace_id = ? and channel = 'WHATSAPP'")
                .param(ws.value()).query(Integer.class).single()).isEqualTo(1);
    }
}
