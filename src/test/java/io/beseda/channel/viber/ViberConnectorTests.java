package io.beseda.channel.viber;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

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
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.WebhookUrls;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.Suppressions;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.beseda.channel.viber.ViberStandIn.TOKEN;
import static io.beseda.channel.viber.ViberStandIn.viber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What the connector kit does not cover: Viber's own events, its limits and refusals, and its message shapes. */
@BesedaTest
@Import(ViberStandIn.class)
class ViberConnectorTests {

    private static final AtomicLong TOKENS = new AtomicLong(5_098_034_272_017_990_000L + System.nanoTime() % 1_000_000_000L);
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
    Suppressions suppressions;

    @Autowired
    Customers customers;

    @Autowired
    ViberConnectorFactory factory;

    @Autowired
    WebhookUrls urls;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    ChannelAccount account;

    @BeforeEach
    void aShopWithAViberBot() {
        ViberStandIn.answersAsViber();
        workspace = workspaces.create("Viber").workspace().id();
        account = accounts.add(workspace, Channel.VIBER, ViberConnectorFactory.PROVIDER, "Бот магазина",
                Map.of("authToken", TOKEN, "botName", "Магазин у дома", "welcomeText", "Здравствуйте! Напишите нам, чем помочь."),
                1000);
    }

    // --- the webhook: who may post, and what it must look like

    @Test
    void refusesCallbacksNotSignedWithTheBotsToken() {
        var body = textEvent(ViberStandIn.userId(), "Где мой заказ?", null);
        var bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(ViberStandIn.postSigned(port, account.id(), body, null).statusCode()).as("no signature").isEqualTo(401);
        assertThat(ViberStandIn.callback(port, account.id(), body, "token-of-another-bot").statusCode()).as("another bot's token").isEqualTo(401);
        assertThat(ViberStandIn.postSigned(port, account.id(), body.replace("Где", "Куда"), ViberSignature.of(TOKEN, bytes)).statusCode())
                .as("body changed after signing").isEqualTo(401);
        assertThat(ViberStandIn.callback(port, UUID.randomUUID(), body, TOKEN).statusCode()).as("unknown account").isEqualTo(401);
        assertThat(inboundCount()).isZero();

        var upperCase = ViberSignature.of(TOKEN, bytes).toUpperCase();
        assertThat(ViberStandIn.postSigned(port, account.id(), body, upperCase).statusCode()).as("hex in capitals").isEqualTo(200);
        assertThat(inboundCount()).isOne();
    }

    @Test
    void refusesSignedCallbacksItCannotRead() {
        assertThat(callback("{not json").statusCode()).isEqualTo(400);
        assertThat(callback("{\"timestamp\":1457764197627}").statusCode()).as("no event").isEqualTo(400);
        assertThat(callback("""
                {"event":"message","timestamp":1457764197627,"message_token":4912661846655238145,"message":{"type":"text","text":"?"}}""")
                .statusCode()).as("no sender").isEqualTo(400);
        assertThat(callback("""
                {"event":"delivered","timestamp":1457764197627,"user_id":"01234567890A="}""").statusCode()).as("receipt without token")
                .isEqualTo(400);
        assertThat(callback("{\"event\":\"client_status\",\"timestamp\":1457764197627}").statusCode()).isEqualTo(400);
        assertThat(inboundCount()).isZero();

        assertThat(callback("""
                {"event":"webhook","timestamp":1457764197627,"chat_hostname":"SN-CHAT-01_","message_token":1481059480858}""")
                .statusCode()).as("Viber's check when the webhook is set").isEqualTo(200);
    }

    // --- what customers send

    @Test
    void takesInALocationAndAContactFromTheSenderWithTheirName() {
        var user = ViberStandIn.userId();
        var location = callback(event(user, Map.of("type", "location", "location", Map.of("lat", 56.8389, "lon", 60.6057))));
        var contact = callback(event(user, Map.of("type", "contact", "text", "", "contact",
                Map.of("name", "Иван Петров", "phone_number", "+79161234567"))));

        assertThat(location.statusCode()).isEqualTo(200);
        assertThat(contact.statusCode()).isEqualTo(200);
        var stored = storedMessages();
        assertThat(stored).extracting(InboundMessages.Stored::location).filteredOn(java.util.Objects::nonNull).singleElement()
                .satisfies(point -> {
                    assertThat(point.latitude()).isCloseTo(56.8389, within(1e-6));
                    assertThat(point.longitude()).isCloseTo(60.6057, within(1e-6));
                });
        assertThat(stored).extracting(InboundMessages.Stored::contact).filteredOn(java.util.Objects::nonNull)
                .containsExactly(new InboundMessage.Contact("+79161234567", "Иван Петров"));
        assertThat(stored).allSatisfy(message -> {
            assertThat(message.sender()).isEqualTo(user);
            assertThat(message.senderName()).isEqualTo("Анна Смирнова");
            assertThat(message.accountId()).isEqualTo(account.id());
        });
        assertThat(customers.findBy(workspace, Identity.of(IdentityKind.VIBER, user))).isPresent();
    }

    @Test
    void typedTextIsNoButtonPressEvenAnsweringAKeyboard() {
        var tracking = json.writeValueAsString(Map.of("m", UUID.randomUUID().toString(), "b", Map.of("buy", "Беру")));

        callback(textEvent(ViberStandIn.userId(), "А есть другой цвет?", tracking));
        callback(textEvent(ViberStandIn.userId(), "buy", tracking));

        assertThat(storedMessages()).extracting(InboundMessages.Stored::text, InboundMessages.Stored::buttonPayload)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("А есть другой цвет?", null),
                        org.assertj.core.groups.Tuple.tuple("Беру", "buy"));
    }

    @Test
    void aRedeliveredPhotoIsFetchedFromViberOnce() {
        var media = ViberStandIn.media("redelivered-" + UUID.randomUUID() + ".jpg", PNG);
        var body = event(ViberStandIn.userId(), Map.of("type", "picture", "text", "", "media", media, "size", PNG.length,
                "file_name", "IMG_0042.png"));

        assertThat(callback(body).statusCode()).isEqualTo(200);
        assertThat(callback(body).statusCode()).isEqualTo(200);

        assertThat(storedMessages()).singleElement().satisfies(message ->
                assertThat(message.attachments()).singleElement().extracting(Attachment::name).isEqualTo("IMG_0042.png"));
        viber().verify(1, getRequestedFor(urlEqualTo(URI.create(media).getPath())));
    }

    @Test
    void aPhotoViberDoesNotHandOverIsLeftForViberToDeliverAgain() {
        var name = "later-" + UUID.randomUUID() + ".png";
        var body = event(ViberStandIn.userId(), Map.of("type", "picture", "text", "Вот брак", "media",
                viber().baseUrl() + "/media/" + name, "size", PNG.length, "file_name", "brak.png"));

        assertThat(callback(body).statusCode()).as("Viber's file server answers 404").isEqualTo(503);
        assertThat(inboundCount()).isZero();

        ViberStandIn.media(name, PNG);
        assertThat(callback(body).statusCode()).as("Viber's redelivery").isEqualTo(200);
        assertThat(storedMessages()).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Вот брак");
            assertThat(message.attachments()).singleElement().extracting(Attachment::mimeType).isEqualTo("image/png");
        });
    }

    @Test
    void aFileBesedaDoesNotKeepIsNotedSoTheOperatorKnows() {
        var media = ViberStandIn.media("notes-" + UUID.randomUUID() + ".txt", "список покупок".getBytes(StandardCharsets.UTF_8));

        callback(event(ViberStandIn.userId(), Map.of("type", "file", "media", media, "size", 27, "file_name", "список.txt")));

        assertThat(storedMessages()).singleElement().satisfies(message -> {
            assertThat(message.attachments()).isEmpty();
            assertThat(message.text()).startsWith("[Файл «список.txt» не сохранён");
        });
    }

    // --- what the shop sends

    @Test
    void splitsALongTextBetweenWordsWithTheKeyboardUnderTheLastPart() {
        var user = customerWrites("Расскажите про доставку");
        var text = "Доставка курьером по городу. ".repeat(320).strip();
        var id = send(user, text, List.of(new QuickReply("Оформить", "order"), new QuickReply("Позвать оператора", "operator")));

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var sent = ViberStandIn.sentMessages(json, id.value());
        assertThat(sent).hasSize(2).allSatisfy(message -> {
            assertThat(message.path("receiver").asString()).isEqualTo(user);
            assertThat(message.path("sender").path("name").asString()).isEqualTo("Магазин у дома");
            assertThat(message.path("text").asString()).hasSizeLessThanOrEqualTo(7000).endsWith("городу.");
        });
        assertThat(sent.get(0).path("text").asString() + " " + sent.get(1).path("text").asString()).isEqualTo(text);
        assertThat(sent.get(0).has("keyboard")).isFalse();
        var buttons = sent.get(1).path("keyboard").path("Buttons");
        assertThat(buttons.valueStream().map(b -> b.path("ActionType").asString() + ":" + b.path("ActionBody").asString() + ":"
                + b.path("Text").asString())).containsExactly("reply:order:Оформить", "reply:operator:Позвать оператора");
        assertThat(outbox.find(workspace, id).orElseThrow().providerMessageId()).as("receipts follow the last part")
                .isEqualTo(jdbc.sql("select message_token from viber_sent where message_id = ? and part = 1").param(id.value())
                        .query(String.class).single());
    }

    @Test
    void sendsAPdfAsAFileFromBesedasPublicAddress() {
        var user = customerWrites("Пришлите счёт");
        var pdf = attachments.store(workspace, "Счёт 42.pdf", "%PDF-1.4 счёт".getBytes(StandardCharsets.UTF_8));

        var id = send(user, "Ваш счёт", List.of(), List.of(pdf));

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var sent = ViberStandIn.sentMessages(json, id.value());
        assertThat(sent).extracting(m -> m.path("type").asString()).containsExactly("file", "text");
        assertThat(sent.getFirst().path("media").asString()).isEqualTo(urls.base() + pdf.url());
        assertThat(sent.getFirst().path("file_name").asString()).isEqualTo("Счёт 42.pdf");
        assertThat(sent.getFirst().path("size").asLong()).isEqualTo(pdf.size());
    }

    @Test
    void sendsToTheViberIdTheCustomerWroteFromWhenNoAddressIsGiven() {
        var user = customerWrites("Добрый день");
        var id = outbox.queue(workspace, new OutboundMessage(customerOf(user), Channel.VIBER, MessageCategory.REPLY,
                "Добрый день! Чем помочь?", null, "viber-" + UUID.randomUUID(), false, Duration.ofHours(1)));

        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        assertThat(ViberStandIn.sentMessages(json, id.value())).singleElement()
                .satisfies(message -> assertThat(message.path("receiver").asString()).isEqualTo(user));
    }

    // --- Viber's limits and refusals

    @Test
    void aRateLimitedSendWaitsAsViberSaysAndIsNotLost() {
        var user = customerWrites("Есть размер 48?");
        viber().stubFor(post(urlEqualTo("/pa/send_message")).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));

        var id = send(user, "Да, есть", List.of());

        assertThat(status(id)).isEqualTo(MessageStatus.QUEUED);
        var retryAt = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), retryAt)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

        ViberStandIn.answersAsViber();
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        assertThat(ViberStandIn.sentMessages(json, id.value())).singleElement();
    }

    @Test
    void aSendRefusedPartWayGoesOnWhereItStoppedWithoutRepeatingAPart() {
        var user = customerWrites("Какие условия возврата?");
        // (a space before the last brace: "}}}" would close a Handlebars triple-stash)
        var ok = "{\"status\":0,\"status_message\":\"ok\",\"message_token\":5{{randomValue length=17 type='NUMERIC'}} }";
        viber().stubFor(post(urlEqualTo("/pa/send_message")).atPriority(1).inScenario("part-way")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(ok)).willSetStateTo("busy"));
        viber().stubFor(post(urlEqualTo("/pa/send_message")).atPriority(1).inScenario("part-way")
                .whenScenarioStateIs("busy").willReturn(okJson("{\"status\":12,\"status_message\":\"tooManyRequests\"}"))
                .willSetStateTo("free"));
        viber().stubFor(post(urlEqualTo("/pa/send_message")).atPriority(1).inScenario("part-way")
                .whenScenarioStateIs("free").willReturn(okJson(ok)));
        var text = "Вернуть можно в течение 14 дней. ".repeat(250).strip();

        var id = send(user, text, List.of());
        assertThat(status(id)).as("Viber's tooManyRequests is passing").isEqualTo(MessageStatus.QUEUED);
        assertThat(ViberStandIn.sentMessages(json, id.value())).as("the first part taken, the second refused").hasSize(2);
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var texts = ViberStandIn.sentMessages(json, id.value()).stream().map(m -> m.path("text").asString()).toList();
        assertThat(texts).hasSize(3);
        assertThat(texts.get(1)).as("the refused second part is sent again").isEqualTo(texts.get(2));
        assertThat(texts.get(0) + " " + texts.get(2)).as("the first part went once").isEqualTo(text);
    }

    @Test
    void aCustomerWhoIsNotSubscribedIsNotTriedAgain() {
        var user = customerWrites("Привет");
        viber().stubFor(post(urlEqualTo("/pa/send_message")).atPriority(1)
                .willReturn(okJson("{\"status\":6,\"status_message\":\"receiverNotSubscribed\"}")));

        var id = send(user, "Здравствуйте!", List.of());

        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("not subscribed");
        assertThat(accounts.health(workspace, account.id()).lastError()).contains("not subscribed");
    }

    @Test
    void holdsTheHundredAndFirstMessageInAnHourUntilTheHourFreesOrTheCustomerWrites() {
        var user = customerWrites("Подберите куртку");
        var earlier = send(user, "Подбираем…", List.of());
        var firstAt = Instant.now().minus(Duration.ofMinutes(50));
        for (int part = 1; part < ViberSends.PER_HOUR; part++) {
            // 99 more messages within the last 50 minutes, all after the customer's question: the bot's hour is full
            jdbc.sql("insert into viber_sent (workspace_id, message_id, part, account_id, customer_id, message_token, sent_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(workspace.value(), earlier.value(), part, account.id(), customerOf(user).value(), "t" + part,
                            Timestamp.from(firstAt.plusSeconds(part)))
                    .update();
        }
        jdbc.sql("update viber_sent set sent_at = ? where message_id = ? and part = 0").params(Timestamp.from(firstAt), earlier.value()).update();
        jdbc.sql("update inbound_message set received_at = ? where workspace_id = ?").params(Timestamp.from(firstAt.minusSeconds(60)),
                workspace.value()).update();

        var id = send(user, "Вот ещё вариант", List.of());

        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(entry.failureDetail()).contains("100 messages");
        var retryAt = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(Timestamp.class).single().toInstant();
        assertThat(retryAt).as("when the first of the hundred is an hour old")
                .isBetween(firstAt.plus(Duration.ofHours(1)).minusSeconds(2), firstAt.plus(Duration.ofHours(1)).plusSeconds(2));
        assertThat(ViberStandIn.sentMessages(json, id.value())).isEmpty();

        customerWrites(user, "Покажите");
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(status(id)).as("the customer's answer starts a new count").isEqualTo(MessageStatus.SENT);
    }

    // --- Viber's events about our messages and its users

    @Test
    void aFailedCallbackMarksTheMessageFailedWithViberReason() {
        var user = customerWrites("Статус заказа?");
        var id = send(user, "Заказ в пути", List.of());
        var token = outbox.find(workspace, id).orElseThrow().providerMessageId();

        var answer = callback("""
                {"event":"failed","timestamp":1457764197627,"chat_hostname":"SN-CHAT-02_","message_token":%s,"user_id":"%s",
                 "desc":"failure description"}""".formatted(token, user));

        assertThat(answer.statusCode()).isEqualTo(200);
        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).isEqualTo("Viber: failure description");
        assertThat(callback("""
                {"event":"delivered","timestamp":1457764197628,"message_token":%s,"user_id":"%s"}""".formatted(token, user))
                .statusCode()).isEqualTo(200);
        assertThat(status(id)).as("a late receipt does not revive it").isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void anUnsubscribedCustomerIsSuppressedOnViberUntilTheySubscribeAgain() {
        var user = customerWrites("Спасибо");
        var unsubscribed = """
                {"event":"unsubscribed","timestamp":%d,"chat_hostname":"SN-CHAT-03_","user_id":"%s","message_token":%d}"""
                .formatted(System.currentTimeMillis(), user, TOKENS.incrementAndGet());

        assertThat(callback(unsubscribed).statusCode()).isEqualTo(200);
        assertThat(callback(unsubscribed).statusCode()).as("redelivered").isEqualTo(200);

        assertThat(suppressions.list(workspace)).singleElement().satisfies(suppression -> {
            assertThat(suppression.channel()).isEqualTo(Channel.VIBER);
            assertThat(suppression.customerId()).isEqualTo(customerOf(user));
            assertThat(suppression.address()).isEqualTo(user);
            assertThat(suppression.reason()).contains("Отписался от Viber-бота");
        });
        var notice = outbox.queue(workspace, new OutboundMessage(customerOf(user), Channel.VIBER, MessageCategory.SERVICE,
                "Ваш заказ собран", user, "viber-" + UUID.randomUUID(), false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var entry = outbox.find(workspace, notice).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureReason()).isEqualTo("SUPPRESSED");
        assertThat(ViberStandIn.sentMessages(json, notice.value())).as("not even tried").isEmpty();

        var subscribed = callback("""
                {"event":"subscribed","timestamp":%d,"user":{"id":"%s","name":"Анна Смирнова","language":"ru","country":"RU",
                 "api_version":10},"message_token":%d}""".formatted(System.currentTimeMillis() + 1000, user, TOKENS.incrementAndGet()));

        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(suppressions.list(workspace)).isEmpty();
    }

    @Test
    void writingToTheBotAfterUnsubscribingLiftsTheSuppression() {
        var user = customerWrites("Спасибо");
        callback("""
                {"event":"unsubscribed","timestamp":%d,"user_id":"%s","message_token":%d}"""
                .formatted(System.currentTimeMillis(), user, TOKENS.incrementAndGet()));
        assertThat(suppressions.list(workspace)).hasSize(1);

        customerWrites(user, "Я вернулся");

        assertThat(suppressions.list(workspace)).isEmpty();
    }

    @Test
    void welcomesSomeoneWhoOpensTheChatInTheAnswerToTheCallback() {
        var opened = """
                {"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,"type":"open",
                 "context":"catalog","user":{"id":"%s","name":"Анна","language":"ru","country":"RU","api_version":10},"subscribed":%s}""";

        var answer = callback(opened.formatted(ViberStandIn.userId(), false));

        assertThat(answer.statusCode()).isEqualTo(200);
        var welcome = json.readTree(answer.body());
        assertThat(welcome.path("type").asString()).isEqualTo("text");
        assertThat(welcome.path("text").asString()).isEqualTo("Здравствуйте! Напишите нам, чем помочь.");
        assertThat(welcome.path("sender").path("name").asString()).isEqualTo("Магазин у дома");
        assertThat(callback(opened.formatted(ViberStandIn.userId(), true)).body()).as("a subscriber is not welcomed again").isEmpty();
        assertThat(inboundCount()).isZero();
    }

    // --- the settings page's checks

    @Test
    void refusesSettingsViberWouldRefuse() {
        assertThatThrownBy(() -> viberAccount(Map.of("botName", "Магазин"))).as("no token")
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> viberAccount(Map.of("authToken", TOKEN, "botName", "М".repeat(29)))).as("name over 28")
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> viberAccount(Map.of("authToken", TOKEN, "botName", "Магазин", "avatarUrl", "http://shop.example/a.png")))
                .as("avatar not https").isInstanceOf(RuleViolationException.class);

        var plain = viberAccount(Map.of("authToken", TOKEN, "botName", "Магазин", "avatarUrl", "", "welcomeText", ""));
        assertThat(accounts.redactedSettings(plain)).containsEntry("authToken", "••••••");
    }

    private ChannelAccount viberAccount(Map<String, Object> settings) {
        return accounts.add(workspace, Channel.VIBER, ViberConnectorFactory.PROVIDER, "Ещё бот", settings, 10);
    }

    @Test
    void checksTheTokenAndRegistersTheWebhook() {
        assertThat(factory.test(account)).isEqualTo(io.beseda.channel.ConnectionCheck.Result.ok(
                "Подключено: бот «Магазин у дома», вебхук ещё не зарегистрирован"));
        var other = accounts.add(workspace, Channel.VIBER, ViberConnectorFactory.PROVIDER, "Чужой", Map.of("authToken", "wrong",
                "botName", "Чужой"), 10);
        assertThat(factory.test(other).ok()).isFalse();
        assertThat(factory.test(other).message()).contains("не принял токен");

        var webhook = URI.create("https://chat.shop.example/webhooks/viber/" + account.id());
        var registered = factory.registerWebhook(account, webhook);

        assertThat(registered.ok()).as(registered.message()).isTrue();
        viber().verify(postRequestedFor(urlEqualTo("/pa/set_webhook")).withRequestBody(equalToJson("""
                {"url":"%s","event_types":["delivered","seen","failed","subscribed","unsubscribed","conversation_started","message"],
                 "send_name":true,"send_photo":false}""".formatted(webhook))));

        var plain = factory.registerWebhook(account, URI.create("http://localhost:8080/webhooks/viber/" + account.id()));
        assertThat(plain.ok()).isFalse();
        assertThat(plain.message()).contains("https");
        viber().verify(1, postRequestedFor(urlEqualTo("/pa/set_webhook")));
    }

    // --- helpers

    private String customerWrites(String text) {
        return customerWrites(ViberStandIn.userId(), text);
    }

    private String customerWrites(String user, String text) {
        assertThat(callback(textEvent(user, text, null)).statusCode()).isEqualTo(200);
        return user;
    }

    private CustomerId customerOf(String user) {
        return customers.findBy(workspace, Identity.of(IdentityKind.VIBER, user)).orElseThrow();
    }

    private MessageId send(String user, String text, List<QuickReply> buttons) {
        return send(user, text, buttons, List.of());
    }

    private MessageId send(String user, String text, List<QuickReply> buttons, List<Attachment> files) {
        var id = outbox.queue(workspace, new OutboundMessage(customerOf(user), Channel.VIBER, MessageCategory.REPLY, text, user,
                "viber-" + UUID.randomUUID(), false, Duration.ofHours(2), buttons, files));
        dispatcher.dispatchDue();
        return id;
    }

    private MessageStatus status(MessageId id) {
        return outbox.find(workspace, id).orElseThrow().status();
    }

    private void dueNow(MessageId id) {
        jdbc.sql("update outbound_message set next_attempt_at = now() where id = ?").param(id.value()).update();
    }

    private String textEvent(String user, String text, @org.jspecify.annotations.Nullable String trackingData) {
        var message = new LinkedHashMap<String, Object>();
        message.put("type", "text");
        message.put("text", text);
        if (trackingData != null) {
            message.put("tracking_data", trackingData);
        }
        return event(user, message);
    }

    /** A message callback as Viber documents it, with a fresh numeric message_token. */
    private String event(String user, Map<String, Object> message) {
        return json.writeValueAsString(Map.of("event", "message", "timestamp", System.currentTimeMillis(),
                "chat_hostname", "SN-CHAT-01_", "message_token", TOKENS.incrementAndGet(),
                "sender", Map.of("id", user, "name", "Анна Смирнова", "avatar", "https://media-direct.cdn.viber.com/download_photo?dlid=x",
                        "language", "ru", "country", "RU", "api_version", 10),
                "message", message, "silent", false));
    }

    private java.net.http.HttpResponse<String> callback(String body) {
        return ViberStandIn.callback(port, account.id(), body, TOKEN);
    }

    private long inboundCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    private List<InboundMessages.Stored> storedMessages() {
        return jdbc.sql("select id from inbound_message where workspace_id = ? order by sent_at, received_at").param(workspace.value())
                .query(UUID.class).list().stream().map(id -> inbound.find(workspace, id).orElseThrow()).toList();
    }
}
