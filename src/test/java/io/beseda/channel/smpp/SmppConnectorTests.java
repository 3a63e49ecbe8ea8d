package io.beseda.channel.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.MessageState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.Delivery;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.SendResult;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the kit does not cover: parts, encodings, throttling, a lost connection, receipts, long SMS from customers, traffic types. */
@BesedaTest
@TestPropertySource(properties = {"beseda.channel.smpp.reconnect-min=200ms", "beseda.channel.smpp.reconnect-max=1s"})
class SmppConnectorTests {

    static SmscStandIn smsc;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    SmppLinks links;
    @Autowired
    SmppConnectorFactory factory;
    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    ChannelAccount account;
    String phone;

    @BeforeAll
    static void startTheSmsCentre() throws IOException {
        smsc = new SmscStandIn();
        SmppConformanceTests.smsc = smsc;
    }

    @AfterAll
    static void stopTheSmsCentre() throws IOException {
        smsc.close();
    }

    /** The test's SMS centre account lets go of its bind: left enabled, it would retry for the rest of the run. */
    @org.junit.jupiter.api.AfterEach
    void letGoOfTheSmsCentre() {
        accounts.list(workspace).forEach(a -> accounts.setEnabled(workspace, a.id(), false));
        links.lookOver();
    }

    @BeforeEach
    void anSmppAccount() {
        workspace = workspaces.create("SMPP " + UUID.randomUUID()).workspace().id();
        account = SmppConformanceTests.smppAccount(accounts, links, workspace, Map.of("marketingSender", "MyShopPromo",
                "serviceType", "SRV", "marketingServiceType", "ADV"));
        phone = "+7905" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_999_999));
    }

    @Test
    void sendsA200CharacterCyrillicSmsAsThreeUcs2PartsAndItsReceiptsMarkItDelivered() {
        var text = "Здравствуйте! Ваш заказ собран и ждёт вас в магазине на Тверской. ".repeat(4).substring(0, 200);
        var id = queue(text);

        dispatcher.dispatchDue();

        var sent = outbox.find(workspace, id).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        var parts = smsc.submittedBy(systemId());
        assertThat(parts).hasSize(3).allSatisfy(part -> {
            assertThat(part.dataCoding()).isEqualTo(SmsText.UCS2);
            assertThat(part.concatenated()).isTrue();
            assertThat(part.destination()).isEqualTo(phone.substring(1));
            assertThat(part.source()).isEqualTo("MyShop");
            assertThat(part.registeredDelivery()).isEqualTo((byte) 1);
        });
        assertThat(parts).extracting(p -> p.header().seq()).containsExactly(1, 2, 3);
        assertThat(parts).extracting(p -> p.header().total()).containsOnly(3);
        assertThat(parts).extracting(p -> p.header().reference()).containsOnly(parts.getFirst().header().reference());
        assertThat(String.join("", parts.stream().map(SmscStandIn.Submitted::text).toList())).isEqualTo(text);
        assertThat(sent.providerMessageId()).isEqualTo(parts.getFirst().messageId());

        smsc.receipt(systemId(), parts.get(0).messageId(), "DELIVRD", MessageState.DELIVERED);
        smsc.receipt(systemId(), parts.get(1).messageId(), "DELIVRD", MessageState.DELIVERED);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).as("two parts of three delivered").isEqualTo(MessageStatus.SENT);
        smsc.receipt(systemId(), parts.get(2).messageId(), "DELIVRD", MessageState.DELIVERED);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void latinTextGoesAsOneGsm7Part() {
        var id = queue("Your order 12 is ready: 5€ off [today]");

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(smsc.submittedBy(systemId())).singleElement().satisfies(part -> {
            assertThat(part.dataCoding()).isEqualTo(SmsText.GSM7);
            assertThat(part.concatenated()).isFalse();
            assertThat(part.text()).isEqualTo("Your order 12 is ready: 5€ off [today]");
        });
    }

    @Test
    void aThrottledPartIsSentLaterAndNoPartIsLostOrSentTwice() {
        var text = "Ваш заказ готов к выдаче. ".repeat(8);
        smsc.throttle(1, 2);
        var id = queue(text);

        dispatcher.dispatchDue();

        var first = outbox.find(workspace, id).orElseThrow();
        assertThat(first.status()).isIn(MessageStatus.QUEUED, MessageStatus.SENDING);
        assertThat(smsc.submittedBy(systemId())).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dispatcher.dispatchDue();
            return outbox.find(workspace, id).orElseThrow().status() == MessageStatus.SENT;
        });
        var parts = smsc.submittedBy(systemId());
        assertThat(parts).extracting(p -> p.header().seq()).containsExactly(1, 2, 3, 4);
        assertThat(String.join("", parts.stream().map(SmscStandIn.Submitted::text).toList())).isEqualTo(text.strip());
    }

    @Test
    void aLostConnectionIsBoundAgainAndTheMessageStillGoesOut() {
        int bindsBefore = smsc.binds();
        smsc.dropConnections();
        var id = queue("Курьер будет у вас с 12 до 14.");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            jdbc.sql("update outbound_message set next_attempt_at = ? where id = ? and status in ('QUEUED', 'SENDING')")
                    .params(Timestamp.from(Instant.now()), id.value()).update();
            dispatcher.dispatchDue();
            return outbox.find(workspace, id).orElseThrow().status() == MessageStatus.SENT;
        });
        assertThat(smsc.binds()).isGreaterThan(bindsBefore);
        assertThat(smsc.submittedBy(systemId())).singleElement()
                .satisfies(part -> assertThat(part.text()).isEqualTo("Курьер будет у вас с 12 до 14."));
    }

    @Test
    void anUndeliverableReceiptWithoutTlvsFailsTheMessageWithTheCentresWords() {
        var id = queue("Код для входа: 4821");
        dispatcher.dispatchDue();
        var part = smsc.submittedBy(systemId()).getFirst();

        smsc.receipt(systemId(), part.messageId(), "UNDELIV", null);

        var failed = outbox.find(workspace, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureDetail()).contains("UNDELIV", "err 001");
    }

    @Test
    void anIntermediateReceiptMovesNothingAndAnExpiredOneFails() {
        var id = queue("Код для входа: 4821");
        dispatcher.dispatchDue();
        var part = smsc.submittedBy(systemId()).getFirst();

        smsc.receipt(systemId(), part.messageId(), "ENROUTE", MessageState.ENROUTE);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        smsc.receipt(systemId(), part.messageId(), "EXPIRED", MessageState.EXPIRED);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void aLongSmsFromACustomerIsGatheredFromItsPartsInAnyOrderAndReachesTheirConversation() {
        var text = "Добрый день! Хочу вернуть куртку, размер не подошёл. Чек сохранился, можно ли сдать в другом магазине? Спасибо.";
        var bytes = text.getBytes(StandardCharsets.UTF_16BE);
        var first = java.util.Arrays.copyOfRange(bytes, 0, 134);
        var second = java.util.Arrays.copyOfRange(bytes, 134, bytes.length);
        var from = phone.substring(1);

        assertThat(smsc.deliver(systemId(), from, SMPPConstant.ESMCLS_UDHI_INDICATOR_SET, SmsText.UCS2,
                Udh.concatenated(77, 2, 2, second))).isZero();
        assertThat(inbound()).isEmpty();
        assertThat(smsc.deliver(systemId(), from, SMPPConstant.ESMCLS_UDHI_INDICATOR_SET, SmsText.UCS2,
                Udh.concatenated(77, 2, 1, first))).isZero();

        assertThat(inbound()).containsExactly(text);
        var customer = customers.resolve(workspace, List.of(Identity.phone(phone)), Instant.now()).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from conversation_message m join conversation c on c.id = m.conversation_id
                where m.workspace_id = ? and c.customer_id = ? and m.direction = 'IN' and m.text = ?""")
                .params(workspace.value(), customer.value(), text).query(Long.class).single() == 1);
    }

    @Test
    void aGsm7SmsFromACustomerIsReadAndARedeliveryIsStoredOnce() {
        var from = phone.substring(1);
        var sms = io.beseda.channel.SmsParts.encodeGsm7("Da, zaberu v 18:00 @ TC");

        assertThat(smsc.deliver(systemId(), from, (byte) 0, SmsText.GSM7, sms)).isZero();
        assertThat(smsc.deliver(systemId(), from, (byte) 0, SmsText.GSM7, sms)).isZero();

        assertThat(inbound()).containsExactly("Da, zaberu v 18:00 @ TC");
        assertThat(jdbc.sql("select sender from inbound_message where workspace_id = ?").param(workspace.value())
                .query(String.class).single()).isEqualTo(phone);
    }

    @Test
    void aMalformedHeaderIsRefusedAndNothingIsStored() {
        var status = smsc.deliver(systemId(), phone.substring(1), SMPPConstant.ESMCLS_UDHI_INDICATOR_SET, SmsText.UCS2,
                new byte[] {9, 0, 3});

        assertThat(status).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(inbound()).isEmpty();
    }

    @Test
    void marketingGoesFromTheMarketingSenderWithItsServiceTypeAndServiceFromTheServiceOnes() {
        var connector = factory.create(account);

        var marketing = connector.send(delivery("Скидка 20% на всё до воскресенья", MessageCategory.MARKETING));
        var service = connector.send(delivery("Заказ 1042 передан курьеру", MessageCategory.SERVICE));

        assertThat(marketing).isInstanceOf(SendResult.Sent.class);
        assertThat(service).isInstanceOf(SendResult.Sent.class);
        assertThat(smsc.submittedBy(systemId())).extracting(SmscStandIn.Submitted::source, SmscStandIn.Submitted::serviceType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MyShopPromo", "ADV"), org.assertj.core.groups.Tuple.tuple("MyShop", "SRV"));
        assertThat(smsc.submittedBy(systemId())).extracting(SmscStandIn.Submitted::sourceTon).containsOnly((byte) 5);
    }

    @Test
    void aNumberThatIsNoPhoneIsRefusedForGood() {
        var result = factory.create(account).send(new Delivery(workspace, new MessageId(UUID.randomUUID()), account,
                new CustomerId(UUID.randomUUID()), "not-a-phone", "Привет", false, List.of(), List.of(), MessageCategory.REPLY));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(smsc.submittedBy(systemId())).isEmpty();
    }

    @Test
    void theConnectionCheckBindsAndAWrongPasswordIsSaidPlainly() {
        assertThat(factory.test(account).ok()).isTrue();
        assertThat(factory.test(account).message()).contains("принял вход");

        var settings = new java.util.HashMap<>(account.settings());
        settings.put("password", "wrong");
        var wrong = accounts.add(workspace, Channel.SMS, SmppConnectorFactory.PROVIDER, "Неверный пароль", settings, 10);
        var check = factory.test(wrong);

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("не принял вход");
    }

    @Test
    void aWrongPasswordBindsNothingAndTakesNothingIn() {
        var settings = new java.util.HashMap<>(account.settings());
        settings.put("systemId", "nobody" + UUID.randomUUID().toString().substring(0, 4));
        var stranger = accounts.add(workspace, Channel.SMS, SmppConnectorFactory.PROVIDER, "Чужой", settings, 10);

        links.link(stranger);
        var result = factory.create(stranger).send(delivery("Привет", MessageCategory.REPLY));

        assertThat(result).isInstanceOf(SendResult.Transient.class);
        assertThat(smsc.bound(String.valueOf(settings.get("systemId")))).isFalse();
    }

    private String systemId() {
        return SmppConformanceTests.systemId(account);
    }

    private MessageId queue(String text) {
        var customer = customers.resolve(workspace, List.of(Identity.phone(phone)), Instant.now()).orElseThrow();
        return outbox.queue(workspace, new OutboundMessage(customer, Channel.SMS, MessageCategory.REPLY, text, phone,
                "smpp-" + UUID.randomUUID(), false, Duration.ofHours(1)));
    }

    private Delivery delivery(String text, MessageCategory category) {
        return new Delivery(workspace, new MessageId(UUID.randomUUID()), account, new CustomerId(UUID.randomUUID()), phone, text,
                false, List.of(), List.of(), category);
    }

    private List<String> inbound() {
        return jdbc.sql("select text from inbound_message where workspace_id = ?").param(workspace.value()).query(String.class).list();
    }
}
