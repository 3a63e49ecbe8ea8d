package io.beseda.channel.smsgateway;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.Delivery;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.SendResult;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.beseda.channel.smsgateway.SmscStandIn.API_KEY;
import static io.beseda.channel.smsgateway.SmscStandIn.SECRET;
import static io.beseda.channel.smsgateway.SmscStandIn.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the connector kit does not cover: SMSC.ru's statuses, refusals and limits, the SMS fallbacks, the handler's secret. */
@BesedaTest
@Import(SmscStandIn.class)
class SmscConnectorTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Attachments attachments;

    @Autowired
    Customers customers;

    @Autowired
    SmscConnectorFactory factory;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    ChannelAccount account;

    @BeforeEach
    void aShopWithAnSmscAccount() {
        SmscStandIn.answersAsSmsc();
        workspace = workspaces.create("SMSC").workspace().id();
        account = accounts.add(workspace, Channel.SMS, SmscConnectorFactory.PROVIDER, "SMSC.ru",
                Map.of("apiKey", API_KEY, "sender", "MagazinDoma", "marketingSender", "ShopPromo", "callbackToken", SECRET), 1000);
    }

    // --- the handler: who may call it, and what it must carry

    @Test
    void refusesCallbacksWithoutTheAccountsSecretAndStoresNothing() {
        var sms = SmscStandIn.incoming("7001", phone(), "Где мой заказ?");

        assertThat(SmscStandIn.callback(port, account.id(), null, sms).statusCode()).as("no secret").isEqualTo(401);
        assertThat(SmscStandIn.callback(port, account.id(), SECRET.replace('0', '1'), sms).statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(SmscStandIn.callback(port, account.id(), SECRET + "0", sms).statusCode()).as("longer secret").isEqualTo(401);
        assertThat(SmscStandIn.callback(port, UUID.randomUUID(), SECRET, sms).statusCode()).as("unknown account").isEqualTo(401);
        assertThat(inboundCount()).isZero();

        assertThat(SmscStandIn.callback(port, account.id(), SECRET, sms).statusCode()).isEqualTo(200);
        assertThat(inboundCount()).isOne();
    }

    @Test
    void refusesCallbacksItCannotReadAndStoresNothing() {
        assertThat(callback(Map.of("phone", phone(), "mes", "?")).statusCode()).as("no id").isEqualTo(400);
        assertThat(callback(Map.of("id", "7002", "mes", "?")).statusCode()).as("no phone").isEqualTo(400);
        assertThat(callback(Map.of("id", "7003", "phone", "не номер", "mes", "?")).statusCode()).as("not a phone").isEqualTo(400);
        assertThat(callback(Map.of("id", "7004", "phone", phone())).statusCode()).as("neither status nor text").isEqualTo(400);
        assertThat(callback(Map.of("id", "7005", "phone", phone(), "status", "доставлено")).statusCode()).as("status not a number")
                .isEqualTo(400);
        assertThat(inboundCount()).isZero();
    }

    @Test
    void takesInAnSmsFromTheSendersPhoneInE164() {
        callback(Map.of("id", "7010", "phone", "79051234567", "mes", "Есть ли 48 размер?", "to", "79037001122", "sent", "1751371200"));

        var stored = inbound.find(workspace, jdbc.sql("select id from inbound_message where workspace_id = ?").param(workspace.value())
                .query(UUID.class).single()).orElseThrow();
        assertThat(stored.sender()).isEqualTo("+79051234567");
        assertThat(stored.text()).isEqualTo("Есть ли 48 размер?");
        assertThat(stored.sentAt()).isEqualTo(Instant.ofEpochSecond(1751371200));
        assertThat(customers.findBy(workspace, Identity.phone("+7 905 123-45-67"))).isPresent();
    }

    // --- what goes out

    @Test
    void sendsTheTextWholeUnderTheServiceNameWithFilesAsLinksAndButtonsAsNumberedAnswers() {
        var phone = customerWrites("Покажите этот товар");
        var photo = attachments.store(workspace, "товар.png", PNG);
        var text = "Вот этот товар, размер 48 есть. ".repeat(20).strip();

        var id = send(phone, text, List.of(new QuickReply("Беру", "buy"), new QuickReply("Другой", "other")), List.of(photo));

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        assertThat(SmscStandIn.sent()).as("one request: SMSC.ru cuts the SMS into segments itself").singleElement().satisfies(sent -> {
            assertThat(sent).containsEntry("phones", "+" + phone).containsEntry("sender", "MagazinDoma").containsEntry("apikey", API_KEY);
            assertThat(sent.get("mes")).startsWith(text)
                    .contains("/files/" + photo.url().split("/")[2] + "/")
                    .endsWith("Ответьте цифрой:\n1 — Беру\n2 — Другой");
        });
    }

    @Test
    void aReplyWithAnOptionsNumberOrTitleIsThatButtonsPress() {
        var phone = customerWrites("Хочу заказать");
        send(phone, "Оформить заказ?", List.of(new QuickReply("Беру", "buy"), new QuickReply("Другой", "other")), List.of());

        callback(SmscStandIn.incoming("7101", phone, "2"));
        callback(SmscStandIn.incoming("7102", phone, " беру "));
        callback(SmscStandIn.incoming("7103", phone, "3"));
        callback(SmscStandIn.incoming("7104", "79167770011", "1"));

        assertThat(payloadOf("7101")).isEqualTo("other");
        assertThat(payloadOf("7102")).isEqualTo("buy");
        assertThat(payloadOf("7103")).as("no third option").isNull();
        assertThat(payloadOf("7104")).as("another phone was offered nothing").isNull();
    }

    @Test
    void marketingGoesUnderTheAdvertisingNameAndWithoutOneIsRefused() {
        var phone = customerWrites("Подпишите на акции");
        var id = outbox.queue(workspace, new OutboundMessage(customerOf(phone), Channel.SMS, MessageCategory.MARKETING, "Скидка 20% до воскресенья",
                "+" + phone, "smsc-" + UUID.randomUUID(), false, Duration.ofHours(2)));
        var delivery = new Delivery(workspace, id, account, customerOf(phone), "+" + phone, "Скидка 20% до воскресенья", false, List.of(), List.of(),
                MessageCategory.MARKETING);

        assertThat(factory.create(account).send(delivery)).isInstanceOf(SendResult.Sent.class);
        assertThat(SmscStandIn.sent()).last().satisfies(sent -> assertThat(sent).containsEntry("sender", "ShopPromo"));

        var serviceOnly = accounts.add(workspace, Channel.SMS, SmscConnectorFactory.PROVIDER, "Только сервисные",
                Map.of("apiKey", API_KEY, "sender", "MagazinDoma", "callbackToken", SECRET), 10);
        var refusedMarketing = factory.create(serviceOnly).send(new Delivery(workspace, id, serviceOnly, customerOf(phone), "+" + phone,
                "Скидка", false, List.of(), List.of(), MessageCategory.MARKETING));
        assertThat(refusedMarketing).isInstanceOfSatisfying(SendResult.Permanent.class, permanent ->
                assertThat(permanent.reason()).contains("advertising"));
    }

    // --- SMSC.ru's limits and refusals

    @Test
    void aRateLimitedSendWaitsAsSmscSaysAndIsNotLost() {
        var phone = customerWrites("Есть размер 48?");
        smsc().stubFor(post(urlEqualTo("/sys/send.php")).atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        var id = send(phone, "Да, есть", List.of(), List.of());

        assertThat(status(id)).isEqualTo(MessageStatus.QUEUED);
        var retryAt = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), retryAt)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

        SmscStandIn.answersAsSmsc();
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        assertThat(SmscStandIn.sent()).singleElement().satisfies(sent -> assertThat(sent).containsEntry("mes", "Да, есть"));
    }

    @Test
    void aLongTextGoesInPartsAndARetryDoesNotRepeatAPart() {
        var phone = customerWrites("Какие условия возврата?");
        var ok = "{\"id\": {{randomInt lower=100000 upper=999999999}}, \"cnt\": 7}";
        smsc().stubFor(post(urlEqualTo("/sys/send.php")).atPriority(1).inScenario("part-way").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ok)).willSetStateTo("busy"));
        smsc().stubFor(post(urlEqualTo("/sys/send.php")).atPriority(1).inScenario("part-way").whenScenarioStateIs("busy")
                .willReturn(okJson("{\"error\": \"duplicate request, wait a minute\", \"error_code\": 9}")).willSetStateTo("free"));
        smsc().stubFor(post(urlEqualTo("/sys/send.php")).atPriority(1).inScenario("part-way").whenScenarioStateIs("free")
                .willReturn(okJson(ok)));
        var text = "Вернуть можно в течение 14 дней. ".repeat(75).strip();

        var id = send(phone, text, List.of(), List.of());
        assertThat(status(id)).as("SMSC.ru's error 9 passes").isEqualTo(MessageStatus.QUEUED);
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var texts = SmscStandIn.sent().stream().map(sent -> sent.get("mes")).toList();
        assertThat(texts).hasSize(4);
        assertThat(texts.get(1)).as("the refused request was the second part").isEqualTo(texts.get(2));
        assertThat(List.of(texts.get(0), texts.get(2), texts.get(3))).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(1000))
                .satisfies(parts -> assertThat(String.join(" ", parts)).isEqualTo(text));
    }

    @Test
    void smscErrorsPassOrStayAsTheyWill() {
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(3, "not enough money"))).isInstanceOfSatisfying(SendResult.Transient.class,
                t -> assertThat(t.reason()).contains("top up"));
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(9, "too many"))).isInstanceOfSatisfying(SendResult.Transient.class,
                t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(4, "ip blocked"))).isInstanceOf(SendResult.Transient.class);
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(2, "authorise error"))).isInstanceOfSatisfying(SendResult.Permanent.class,
                p -> assertThat(p.reason()).contains("API key"));
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(6, "forbidden"))).isInstanceOf(SendResult.Permanent.class);
        assertThat(SmscConnector.refused(new SmscApi.Reply.Failed(8, "undeliverable"))).isInstanceOf(SendResult.Permanent.class);

        var phone = customerWrites("Позвоните мне");
        smsc().stubFor(post(urlEqualTo("/sys/send.php")).atPriority(1)
                .willReturn(okJson("{\"error\": \"invalid number\", \"error_code\": 7}")));
        var id = send(phone, "Перезвоним через час", List.of(), List.of());

        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("phone number is not valid");
    }

    // --- statuses

    @Test
    void deliveryStatusesMoveTheMessageAndAGiveUpFailsIt() {
        var phone = customerWrites("Когда доставка?");
        var delivered = send(phone, "Завтра с 10 до 14", List.of(), List.of());
        var lost = send(phone, "Курьер позвонит за час", List.of(), List.of());

        assertThat(status(delivered(delivered), phone, 0)).isEqualTo(200);
        assertThat(status(delivered)).as("handed to the operator is still SENT").isEqualTo(MessageStatus.SENT);
        assertThat(status(delivered(delivered), phone, 1)).isEqualTo(200);
        assertThat(status(delivered)).isEqualTo(MessageStatus.DELIVERED);

        assertThat(status(delivered(lost), phone, 20)).isEqualTo(200);
        var failed = outbox.find(workspace, lost).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureDetail()).contains("could not be delivered");

        assertThat(status(delivered(delivered), phone, 3)).as("a late give-up after delivery").isEqualTo(200);
        assertThat(status(delivered)).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void anExpiredSmsFailsWithItsReason() {
        var phone = customerWrites("Жду ответа");
        var id = send(phone, "Ответим в течение часа", List.of(), List.of());

        status(delivered(id), phone, 3);

        assertThat(outbox.find(workspace, id).orElseThrow().failureDetail()).contains("expired");
    }

    // --- the settings page

    @Test
    void checksTheBalanceAndSaysWhereToPasteTheHandler() {
        assertThat(factory.test(account)).isEqualTo(ConnectionCheck.Result.ok("Подключено к SMSC.ru: на счёте 1520.40 RUR."));
        var other = accounts.add(workspace, Channel.SMS, SmscConnectorFactory.PROVIDER, "Чужой",
                Map.of("apiKey", "wrong-key", "sender", "Chuzhoy", "callbackToken", SECRET), 10);
        assertThat(factory.test(other).ok()).isFalse();
        assertThat(factory.test(other).message()).contains("не принял API-ключ");

        var webhook = URI.create("https://chat.shop.example/webhooks/smsc/" + account.id());
        var registered = factory.registerWebhook(account, webhook);

        assertThat(registered.ok()).isTrue();
        assertThat(registered.message()).contains(webhook + "?token=" + SECRET + "&charset=utf-8", "Настройки пользователя");
    }

    @Test
    void refusesSettingsSmscWouldRefuseOrThatMakeAGuessableHandler() {
        assertThatThrownBy(() -> smscAccount(Map.of("apiKey", API_KEY, "sender", "MagazinDoma", "callbackToken", "short")))
                .as("guessable secret").isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> smscAccount(Map.of("apiKey", API_KEY, "sender", "MagazinDomaDaleko", "callbackToken", SECRET)))
                .as("sender over 11").isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> smscAccount(Map.of("apiKey", API_KEY, "sender", "Магазин", "callbackToken", SECRET)))
                .as("cyrillic sender").isInstanceOf(RuleViolationException.class);

        var plain = smscAccount(Map.of("apiKey", API_KEY, "sender", "MagazinDoma", "marketingSender", "", "callbackToken", SECRET));
        assertThat(accounts.redactedSettings(plain)).containsEntry("apiKey", "••••••").containsEntry("callbackToken", "••••••");
    }

    // --- helpers

    private ChannelAccount smscAccount(Map<String, Object> settings) {
        return accounts.add(workspace, Channel.SMS, SmscConnectorFactory.PROVIDER, "Ещё SMSC", settings, 10);
    }

    private static String phone() {
        return "7916" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_999_999));
    }

    private String customerWrites(String text) {
        var phone = phone();
        assertThat(callback(SmscStandIn.incoming(String.valueOf(Math.abs(UUID.randomUUID().hashCode())), phone, text)).statusCode())
                .isEqualTo(200);
        return phone;
    }

    private java.net.http.HttpResponse<String> callback(Map<String, String> fields) {
        return SmscStandIn.callback(port, account.id(), SECRET, fields);
    }

    private int status(String smscId, String phone, int status) {
        return callback(SmscStandIn.status(smscId, phone, status, status >= 20 ? 1 : 0)).statusCode();
    }

    /** SMSC.ru's own id of a message Beseda sent. */
    private String delivered(MessageId id) {
        var providerId = outbox.find(workspace, id).orElseThrow().providerMessageId();
        return providerId.substring(0, providerId.indexOf(':'));
    }

    private CustomerId customerOf(String phone) {
        return customers.findBy(workspace, Identity.phone(phone)).orElseThrow();
    }

    private MessageId send(String phone, String text, List<QuickReply> buttons, List<Attachment> files) {
        var id = outbox.queue(workspace, new OutboundMessage(customerOf(phone), Channel.SMS, MessageCategory.REPLY, text, "+" + phone,
                "smsc-" + UUID.randomUUID(), false, Duration.ofHours(2), buttons, files));
        dispatcher.dispatchDue();
        return id;
    }

    private MessageStatus status(MessageId id) {
        return outbox.find(workspace, id).orElseThrow().status();
    }

    private void dueNow(MessageId id) {
        jdbc.sql("update outbound_message set next_attempt_at = now() where id = ?").param(id.value()).update();
    }

    private long inboundCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    private @org.jspecify.annotations.Nullable String payloadOf(String smscId) {
        return jdbc.sql("select button_payload from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), smscId).query(String.class).optional().orElse(null);
    }
}
