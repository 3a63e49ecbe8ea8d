package io.beseda.channel.telegram;

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

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/** What Telegram delivers to the webhook: the secret token first, then messages, files, places, contacts and button presses. */
@BesedaTest
class TelegramWebhookTests implements UsesTelegramStandIn {

    private static final String SECRET = "the-bots-webhook-secret-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Customers customers;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private String token;
    private long chat;

    @BeforeEach
    void aShopWithABot() {
        workspace = workspaces.create("Telegram входящие").workspace().id();
        token = TelegramStandIn.newToken();
        TelegramStandIn.healthyBot(token, "shop_bot");
        account = accounts.add(workspace, Channel.TELEGRAM, "telegram", "Бот", Map.of("botToken", token, "webhookSecret", SECRET), 30);
        chat = 500_000_000L + TelegramStandIn.nextId();
    }

    @Test
    void refusesUpdatesWithoutTheRightSecretTokenAndStoresNothing() {
        var update = TelegramStandIn.message(1, chat, 10, "Переведите деньги", Map.of());

        assertThat(TelegramStandIn.deliver(port, account.id(), null, update).status()).isEqualTo(401);
        assertThat(TelegramStandIn.deliver(port, account.id(), "", update).status()).isEqualTo(401);
        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET.substring(1), update).status()).isEqualTo(401);
        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET + "x", update).status()).isEqualTo(401);
        assertThat(TelegramStandIn.deliver(port, UUID.randomUUID(), SECRET, update).status()).as("unknown account").isEqualTo(401);
        assertThat(storedCount()).isZero();
    }

    @Test
    void anAccountWithoutAWebhookSecretAcceptsNothing() {
        var bare = accounts.add(workspace, Channel.TELEGRAM, "telegram", "Без секрета", Map.of("botToken", token), 30);

        var answer = TelegramStandIn.deliver(port, bare.id(), "", TelegramStandIn.message(2, chat, 11, "Привет", Map.of()));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(storedCount()).isZero();
    }

    @Test
    void refusesABodyThatIsNotAnUpdateWith400() {
        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET, "{\"message\": ").status()).isEqualTo(400);
        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET, "{\"message\": {\"message_id\": 1}}").status()).isEqualTo(400);
        assertThat(storedCount()).isZero();
    }

    @Test
    void storesTheMessageAsTheTelegramUserWithTheirName() {
        var answer = TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(3, chat, 12, "Есть ли 48 размер?", Map.of()));

        assertThat(answer.status()).isEqualTo(200);
        var message = stored(chat + ":12");
        assertThat(message.text()).isEqualTo("Есть ли 48 размер?");
        assertThat(message.sender()).isEqualTo(String.valueOf(chat));
        assertThat(message.senderName()).isEqualTo("Анна Петрова");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
        assertThat(customers.findBy(workspace, Identity.of(IdentityKind.TELEGRAM, String.valueOf(chat)))).isPresent();
        assertThat(accounts.health(workspace, account.id()).lastInboundAt()).isNotNull();
    }

    @Test
    void takesInAPlaceAndAContactCard() {
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(4, chat, 13, null,
                Map.of("location", Map.of("latitude", 55.7558, "longitude", 37.6173))));
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(5, chat, 14, null, Map.of(
                "location", Map.of("latitude", 59.9343, "longitude", 30.3351),
                "venue", Map.of("location", Map.of("latitude", 59.9343, "longitude", 30.3351), "title", "ТЦ Галерея",
                        "address", "Лиговский пр., 30А"))));
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(6, chat, 15, null,
                Map.of("contact", Map.of("phone_number", "79161234567", "first_name", "Анна", "last_name", "Петрова", "user_id", chat))));

        assertThat(stored(chat + ":13").location()).isEqualTo(new InboundMessage.Location(55.7558, 37.6173, null));
        assertThat(stored(chat + ":14").location()).isEqualTo(new InboundMessage.Location(59.9343, 30.3351, "ТЦ Галерея, Лиговский пр., 30А"));
        assertThat(stored(chat + ":15").contact()).isEqualTo(new InboundMessage.Contact("79161234567", "Анна Петрова"));
    }

    @Test
    void keepsAPhotoSentAsAFileAndLeavesOutAFileBesedaDoesNotKeep() {
        var pdf = "%PDF-1.4 чек".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TelegramStandIn.customerFile(token, "BQACAgIAAxkBAAIC-pdf", "documents/file_7.pdf", pdf);
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(7, chat, 16, null, Map.of("caption", "Чек",
                "document", Map.of("file_id", "BQACAgIAAxkBAAIC-pdf", "file_unique_id", "d7", "file_name", "чек.pdf",
                        "mime_type", "application/pdf", "file_size", pdf.length))));
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(8, chat, 17, null, Map.of("caption", "Договор",
                "document", Map.of("file_id", "BQACAgIAAxkBAAIC-docx", "file_unique_id", "d8", "file_name", "договор.docx",
                        "mime_type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "file_size", 5000))));

        assertThat(stored(chat + ":16").attachments()).singleElement().satisfies(file -> {
            assertThat(file.mimeType()).isEqualTo("application/pdf");
            assertThat(file.name()).isEqualTo("чек.pdf");
        });
        var docx = stored(chat + ":17");
        assertThat(docx.text()).isEqualTo("Договор");
        assertThat(docx.attachments()).isEmpty();
        assertThat(TelegramStandIn.calls(token, "getFile")).as("a .docx is not even fetched").hasSize(1);
    }

    @Test
    void asksTelegramToDeliverAgainWhenTheFileCannotBeFetchedYet() {
        var stub = TelegramStandIn.server().stubFor(post(TelegramStandIn.method(TelegramStandIn.path(token, "getFile")))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        var update = TelegramStandIn.message(9, chat, 18, null, Map.of("caption", "Вот брак", "photo", List.of(
                Map.of("file_id", "AgACAgIAAxkBAAID", "file_unique_id", "p9", "width", 320, "height", 320, "file_size", 16))));

        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET, update).status()).isEqualTo(503);
        assertThat(storedCount()).isZero();

        TelegramStandIn.server().removeStub(stub);
        TelegramStandIn.customerFile(token, "AgACAgIAAxkBAAID", "photos/file_9.png", PNG);
        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET, update).status()).isEqualTo(200);
        assertThat(stored(chat + ":18").attachments()).singleElement().satisfies(file -> assertThat(file.mimeType()).isEqualTo("image/png"));
    }

    @Test
    void aStaticStickerIsKeptAsItsPicture() {
        var webp = new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        TelegramStandIn.customerFile(token, "CAACAgIAAxkBAAIE", "stickers/file_10.webp", webp);
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(10, chat, 19, null, Map.of("sticker", Map.of(
                "file_id", "CAACAgIAAxkBAAIE", "file_unique_id", "s10", "type", "regular", "width", 512, "height", 512,
                "is_animated", false, "is_video", false, "emoji", "👍"))));

        assertThat(stored(chat + ":19").attachments()).singleElement().satisfies(file -> assertThat(file.mimeType()).isEqualTo("image/webp"));
    }

    @Test
    void ignoresGroupsButAcknowledgesThem() {
        var group = TelegramStandIn.json(Map.of("update_id", 11, "message", Map.of("message_id", 20, "date", 1764000000,
                "from", TelegramStandIn.user(chat), "chat", Map.of("id", -100123456789L, "type", "supergroup", "title", "Покупатели"),
                "text", "всем привет")));

        assertThat(TelegramStandIn.deliver(port, account.id(), SECRET, group).status()).isEqualTo(200);
        assertThat(storedCount()).isZero();
    }

    @Test
    void aButtonPressIsAnsweredAndItsPayloadComesBackEvenWhenTooLongForTelegram() {
        var longPayload = "Хочу вернуть товар, который пришёл не того размера и цвета";
        var sent = sendWithButtons(List.of(new QuickReply("Вернуть", longPayload), new QuickReply("Оператор", "bot:operator")));
        var keyboard = TelegramStandIn.calls(token, "sendMessage").getLast().getBodyAsString();
        var data = dataOf(keyboard, 0);
        assertThat(data).startsWith("#").hasSizeLessThanOrEqualTo(64);
        assertThat(dataOf(keyboard, 1)).isEqualTo("bot:operator");

        var answer = TelegramStandIn.deliver(port, account.id(), SECRET,
                TelegramStandIn.buttonPress(12, "4382bfdwdsb323b2d9", chat, sent, data, Map.of("Вернуть", data, "Оператор", "bot:operator")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"method\":\"answercallbackquery\"").contains("\"callback_query_id\":\"4382bfdwdsb323b2d9\"");
        var press = stored("callback:4382bfdwdsb323b2d9");
        assertThat(press.buttonPayload()).isEqualTo(longPayload);
        assertThat(press.text()).isEqualTo("Вернуть");
    }

    @Test
    void aButtonPressedOrAMessageRepliedToIsRead() {
        var pressed = sendWithButtons(List.of(new QuickReply("Да", "yes")));
        var pressedId = lastMessage();
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.buttonPress(13, "q-13", chat, pressed, "yes", Map.of("Да", "yes")));

        assertThat(outbox.find(workspace, pressedId).orElseThrow().status()).isEqualTo(MessageStatus.READ);

        var repliedTo = sendWithButtons(List.of());
        var repliedId = lastMessage();
        assertThat(outbox.find(workspace, repliedId).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        TelegramStandIn.deliver(port, account.id(), SECRET, TelegramStandIn.message(14, chat, 21, "Спасибо", Map.of("reply_to_message",
                Map.of("message_id", repliedTo, "date", 1764000000, "from", Map.of("id", 1, "is_bot", true, "first_name", "Магазин"),
                        "chat", Map.of("id", chat, "type", "private"), "text", "Ваш заказ собран"))));

        assertThat(outbox.find(workspace, repliedId).orElseThrow().status()).isEqualTo(MessageStatus.READ);
    }

    @Test
    void aRedeliveredButtonPressIsStoredOnce() {
        var update = TelegramStandIn.buttonPress(15, "q-15", chat, 99, "yes", Map.of("Да", "yes"));

        TelegramStandIn.deliver(port, account.id(), SECRET, update);
        TelegramStandIn.deliver(port, account.id(), SECRET, update);

        assertThat(storedCount()).isEqualTo(1);
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** Sends the customer a message through the dispatcher; answers its Telegram message id. */
    private int sendWithButtons(List<QuickReply> buttons) {
        var customer = customers.resolve(workspace, List.of(Identity.of(IdentityKind.TELEGRAM, String.valueOf(chat))), Instant.now())
                .orElseThrow();
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.TELEGRAM, MessageCategory.REPLY, "Ваш заказ собран",
                String.valueOf(chat), "webhook-test-" + UUID.randomUUID(), false, Duration.ofHours(1), buttons, List.of()));
        jdbc.sql("update outbound_message set next_attempt_at = now() - interval '1 second' where id = ?").param(id.value()).update();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            // one chat gets a message a second: a second send in the same second waits its turn
            jdbc.sql("update outbound_message set next_attempt_at = now() where id = ? and status <> 'SENT'").param(id.value()).update();
            dispatcher.dispatchDue();
            return outbox.find(workspace, id).orElseThrow().status() == MessageStatus.SENT;
        });
        var provider = outbox.find(workspace, id).orElseThrow().providerMessageId();
        assertThat(provider).startsWith(chat + ":");
        return Integer.parseInt(provider.substring(provider.indexOf(':') + 1));
    }

    private io.beseda.channel.MessageId lastMessage() {
        return new io.beseda.channel.MessageId(jdbc.sql("select id from outbound_message where workspace_id = ? order by created_at desc limit 1")
                .param(workspace.value()).query(UUID.class).single());
    }

    private static String dataOf(String sendMessageBody, int button) {
        var body = TelegramStandIn.readTree(sendMessageBody);
        var buttons = new java.util.ArrayList<String>();
        body.get("reply_markup").get("inline_keyboard").forEach(row -> row.forEach(b -> buttons.add(b.get("callback_data").asText())));
        return buttons.get(button);
    }

    private InboundMessages.Stored stored(String providerMessageId) {
        var id = jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), providerMessageId).query(UUID.class).single();
        return inbound.find(workspace, id).orElseThrow();
    }

    private long storedCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }
}
