package io.beseda.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sending through a bot: long texts, flood control, refusals, photos with long texts, and the settings page's two buttons. */
@BesedaTest
class TelegramSendingTests implements UsesTelegramStandIn {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Attachments attachments;

    @Autowired
    TelegramConnectorFactory telegram;

    @Autowired
    JdbcClient jdbc;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private String token;
    private String chat;
    private CustomerId customer;

    @BeforeEach
    void aShopWithABotAndACustomerWhoWroteToIt() {
        workspace = workspaces.create("Telegram отправка").workspace().id();
        token = TelegramStandIn.newToken();
        TelegramStandIn.healthyBot(token, "shop_bot");
        account = accounts.add(workspace, Channel.TELEGRAM, "telegram", "Бот",
                Map.of("botToken", token, "webhookSecret", "a-webhook-secret-of-the-bot-42"), 30);
        chat = String.valueOf(600_000_000L + TelegramStandIn.nextId());
        customer = customers.resolve(workspace, List.of(Identity.of(IdentityKind.TELEGRAM, chat)), Instant.now()).orElseThrow();
    }

    @Test
    void cutsALongTextAtWordsAndPutsTheButtonsUnderItsLastPart() {
        var words = new StringBuilder();
        while (words.length() < 9_000) {
            words.append("Размерная сетка совпадает с российской, берите свой обычный размер. ");
        }
        var id = send(message(words.toString(), List.of(new QuickReply("Понятно", "ok")), List.of()));

        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.SENT);
        var parts = TelegramStandIn.calls(token, "sendMessage").stream().map(r -> TelegramStandIn.readTree(r.getBodyAsString())).toList();
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.get("chat_id").asText()).isEqualTo(chat);
            assertThat(part.get("text").asText()).hasSizeLessThanOrEqualTo(4096).endsWith("размер.");
        });
        assertThat(String.join(" ", parts.stream().map(p -> p.get("text").asText()).toList())).isEqualTo(words.toString().strip());
        assertThat(parts.subList(0, 2)).allSatisfy(part -> assertThat(part.has("reply_markup")).isFalse());
        assertThat(parts.get(2).get("reply_markup").get("inline_keyboard").get(0).get(0).get("text").asText()).isEqualTo("Понятно");
        assertThat(entry.providerMessageId()).isEqualTo(chat + ":" + sentIds().getLast());
    }

    @Test
    void floodControlRetriesAfterTelegramsRetryAfterAndTheMessageIsNotLost() {
        TelegramStandIn.server().stubFor(post(TelegramStandIn.method(TelegramStandIn.path(token, "sendMessage")))
                .inScenario("flood " + token).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(TelegramStandIn.error(429, "Too Many Requests: retry after 30", 30))));

        var id = queue(message("Ваш заказ передан курьеру", List.of(), List.of()));
        dispatcher.dispatchDue();

        var waiting = outbox.find(workspace, id).orElseThrow();
        assertThat(waiting.status()).isIn(MessageStatus.QUEUED, MessageStatus.SENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.failureDetail()).contains("429");
        assertThat(nextAttemptIn(id)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
        assertThat(accounts.health(workspace, account.id()).lastError()).contains("Too Many Requests");

        dispatchUntilSent(id);
        assertThat(TelegramStandIn.calls(token, "sendMessage")).hasSize(2);
    }

    @Test
    void aRetryAfterOnePartFailedSendsOnlyThePartsThatHadNotGone() {
        var path = TelegramStandIn.method(TelegramStandIn.path(token, "sendMessage"));
        TelegramStandIn.server().stubFor(post(path).inScenario("second part " + token).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("first went").willReturn(okMessage(501)));
        TelegramStandIn.server().stubFor(post(path).inScenario("second part " + token).whenScenarioStateIs("first went")
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        TelegramStandIn.server().stubFor(post(path).inScenario("second part " + token).whenScenarioStateIs("recovered").willReturn(okMessage(502)));

        var id = queue(message("Первая часть. ".repeat(300) + "Вторая часть.", List.of(), List.of()));
        dispatcher.dispatchDue();
        assertThat(outbox.find(workspace, id).orElseThrow().failureDetail()).contains("Telegram did not answer");

        dispatchUntilSent(id);
        var texts = TelegramStandIn.calls(token, "sendMessage").stream()
                .map(r -> TelegramStandIn.readTree(r.getBodyAsString()).get("text").asText()).toList();
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0)).startsWith("Первая часть.");
        assertThat(texts.get(1)).isEqualTo(texts.get(2)).endsWith("Вторая часть.");
        assertThat(outbox.find(workspace, id).orElseThrow().providerMessageId()).isEqualTo(chat + ":502");
    }

    @Test
    void aCustomerWhoBlockedTheBotFailsTheMessageForGood() {
        TelegramStandIn.server().stubFor(post(TelegramStandIn.method(TelegramStandIn.path(token, "sendMessage")))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(TelegramStandIn.error(403, "Forbidden: bot was blocked by the user", null))));

        var id = send(message("Скидка 10% на всё", List.of(), List.of()));

        var failed = outbox.find(workspace, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("REJECTED");
        assertThat(failed.failureDetail()).contains("bot was blocked by the user");
    }

    @Test
    void aRevokedTokenFailsForGoodAndTheCheckSaysSo() {
        TelegramStandIn.server().stubFor(post(TelegramStandIn.method(TelegramStandIn.path(token, "sendMessage")))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(TelegramStandIn.error(401, "Unauthorized", null))));
        TelegramStandIn.server().stubFor(post(TelegramStandIn.method(TelegramStandIn.path(token, "getMe")))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(TelegramStandIn.error(401, "Unauthorized", null))));

        var id = send(message("Здравствуйте", List.of(), List.of()));

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        var check = telegram.test(account);
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("токен").contains("@BotFather");
    }

    @Test
    void aPhotoWithATextTooLongForACaptionGoesFirstAndTheTextAfterIt() {
        var photo = attachments.store(workspace, "куртка.png", PNG);
        var text = "Куртка в наличии в трёх магазинах. ".repeat(40);

        var id = send(message(text, List.of(new QuickReply("Беру", "buy")), List.of(photo)));

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        var upload = TelegramStandIn.calls(token, "sendPhoto").getFirst();
        assertThat(upload.getPart("caption")).isNull();
        assertThat(upload.getPart("reply_markup")).isNull();
        assertThat(upload.getPart("photo").getBody().asString()).isEqualTo("attach://photo.png");
        assertThat(upload.getPart("photo.png").getBody().asBytes()).isEqualTo(PNG);
        var after = TelegramStandIn.readTree(TelegramStandIn.calls(token, "sendMessage").getFirst().getBodyAsString());
        assertThat(after.get("text").asText()).isEqualTo(text.strip());
        assertThat(after.get("reply_markup").toString()).contains("Беру");
    }

    @Test
    void aPdfGoesAsADocumentAndFileNamesAreNotRepeatedAsItsCaption() {
        var pdf = attachments.store(workspace, "receipt.pdf", "%PDF-1.4 receipt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        send(message("receipt.pdf", List.of(), List.of(pdf)));

        var upload = TelegramStandIn.calls(token, "sendDocument").getFirst();
        assertThat(upload.getPart("document").getBody().asString()).isEqualTo("attach://receipt.pdf");
        assertThat(upload.getPart("caption")).isNull();
        assertThat(TelegramStandIn.calls(token, "sendMessage")).isEmpty();
    }

    @Test
    void withoutAnAddressTheCustomersTelegramIdIsTheChat() {
        send(new OutboundMessage(customer, Channel.TELEGRAM, MessageCategory.SERVICE, "Заказ DM-10023 доставлен", null,
                "no-address-" + UUID.randomUUID(), false, Duration.ofHours(1)));

        assertThat(TelegramStandIn.readTree(TelegramStandIn.calls(token, "sendMessage").getFirst().getBodyAsString())
                .get("chat_id").asText()).isEqualTo(chat);
    }

    @Test
    void aCsatScaleIsOneRowAndLongTitlesGetARowEach() {
        var scale = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(n -> new QuickReply(String.valueOf(n), "csat:" + n)).toList();
        send(message("Оцените, пожалуйста, ответ", scale, List.of()));
        send(message("Что дальше?", List.of(new QuickReply("Где мой заказ", "bot:order_status"),
                new QuickReply("Позвать оператора", "bot:operator")), List.of()));

        var calls = TelegramStandIn.calls(token, "sendMessage");
        var csat = TelegramStandIn.readTree(calls.get(0).getBodyAsString()).get("reply_markup").get("inline_keyboard");
        var menu = TelegramStandIn.readTree(calls.get(1).getBodyAsString()).get("reply_markup").get("inline_keyboard");
        assertThat(csat).hasSize(1);
        assertThat(csat.get(0)).hasSize(5);
        assertThat(menu).hasSize(2);
    }

    @Test
    void theCheckNamesTheBotAndTheWebhookIsRegisteredWithAFreshSecret() {
        var bare = accounts.add(workspace, Channel.TELEGRAM, "telegram", "Новый бот", Map.of("botToken", token), 30);
        var webhook = URI.create("https://chat.shop.example/webhooks/telegram/" + bare.id());

        assertThat(telegram.test(bare)).isEqualTo(io.beseda.channel.ConnectionCheck.Result.ok("Бот @shop_bot («Магазин») на связи"));
        var registered = telegram.registerWebhook(bare, webhook);

        assertThat(registered.ok()).as(registered.message()).isTrue();
        var secret = accounts.settings(accounts.find(workspace, bare.id()).orElseThrow(), TelegramSettings.class).webhookSecret();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        var call = TelegramStandIn.calls(token, "setWebhook").getFirst();
        assertThat(call.getPart("url").getBody().asString()).isEqualTo(webhook.toString());
        assertThat(call.getPart("secret_token").getBody().asString()).isEqualTo(secret);
        assertThat(call.getPart("allowed_updates").getBody().asString()).isEqualTo("[\"message\",\"callback_query\"]");
        var update = TelegramStandIn.message(1, Long.parseLong(chat), 1, "Привет", Map.of());
        assertThat(TelegramStandIn.deliver(port, bare.id(), secret, update).status()).isEqualTo(200);
    }

    @Test
    void settingsThatAreNotABotTokenOrAStrongEnoughSecretAreRefused() {
        assertThatThrownBy(() -> accounts.add(workspace, Channel.TELEGRAM, "telegram", "Опечатка", Map.of("botToken", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"), 30))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("botToken");
        assertThatThrownBy(() -> accounts.add(workspace, Channel.TELEGRAM, "telegram", "Короткий секрет",
                Map.of("botToken", token, "webhookSecret", "12345"), 30))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("webhookSecret");
    }

    @Test
    void aWebhookOutsideHttpsIsNotOfferedToTelegram() {
        var result = telegram.registerWebhook(account, URI.create("http://localhost:8080/webhooks/telegram/" + account.id()));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("https").contains("BESEDA_PUBLIC_URL");
        assertThat(TelegramStandIn.calls(token, "setWebhook")).isEmpty();
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okMessage(int messageId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"ok": true, "result": {"message_id": %d, "date": 1764000000, "chat": {"id": 1, "type": "private"}, "text": "…"}}"""
                .formatted(messageId));
    }

    private OutboundMessage message(String text, List<QuickReply> buttons, List<Attachment> files) {
        return new OutboundMessage(customer, Channel.TELEGRAM, MessageCategory.REPLY, text, chat, "sending-" + UUID.randomUUID(), false,
                Duration.ofHours(1), buttons, files);
    }

    private MessageId queue(OutboundMessage message) {
        return outbox.queue(workspace, message);
    }

    /** Queues and dispatches; one chat takes a message a second, so a second message waits for its turn. */
    private MessageId send(OutboundMessage message) {
        var id = queue(message);
        dispatchUntil(id, status -> status == MessageStatus.SENT || status == MessageStatus.FAILED);
        return id;
    }

    private void dispatchUntilSent(MessageId id) {
        dispatchUntil(id, status -> status == MessageStatus.SENT);
    }

    private void dispatchUntil(MessageId id, java.util.function.Predicate<MessageStatus> done) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            jdbc.sql("update outbound_message set next_attempt_at = now() where id = ? and status in ('QUEUED', 'SENDING')")
                    .param(id.value()).update();
            dispatcher.dispatchDue();
            return done.test(outbox.find(workspace, id).orElseThrow().status());
        });
    }

    private Duration nextAttemptIn(MessageId id) {
        var at = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
        return Duration.between(Instant.now(), at);
    }

    private List<Integer> sentIds() {
        return jdbc.sql("select provider_message_id from outbound_part where workspace_id = ? order by part")
                .param(workspace.value()).query(String.class).list().stream()
                .map(id -> Integer.parseInt(id.substring(id.indexOf(':') + 1))).toList();
    }
}
