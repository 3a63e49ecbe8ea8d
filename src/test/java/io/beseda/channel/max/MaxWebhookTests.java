package io.beseda.channel.max;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What MAX delivers to the webhook, how it is let in, and the settings page's check and webhook registration. */
@ExtendWith(MaxStandIn.class)
@BesedaTest
@TestPropertySource(properties = "beseda.channel.max.base-url=${" + MaxStandIn.PROPERTY + "}")
class MaxWebhookTests {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final String SECRET = "webhook-tests-secret";

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
    MaxConnectorFactory factory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    WorkspaceId workspace;
    ChannelAccount account;
    String token;

    @BeforeEach
    void aShopWithAMaxBot() {
        workspace = workspaces.create("MAX вебхук").workspace().id();
        token = "token-" + UUID.randomUUID();
        account = accounts.add(workspace, Channel.MAX, MaxConnectorFactory.PROVIDER, "Бот в MAX",
                Map.of("accessToken", token, "webhookSecret", SECRET), 10);
    }

    @Test
    void letsInOnlyUpdatesCarryingTheAccountsSecret() {
        var update = MaxStandIn.messageCreated("mid.secret-1", user(), "Где мой заказ?", List.of());
        var noSecret = accounts.add(workspace, Channel.MAX, MaxConnectorFactory.PROVIDER, "Бот без секрета",
                Map.of("accessToken", "token-" + UUID.randomUUID()), 10);
        var sandbox = accounts.add(workspace, Channel.MAX, "sandbox", "Песочница", Map.of("webhookSecret", SECRET), 10);

        assertThat(MaxStandIn.webhook(port, account.id(), update, null).statusCode()).as("no header").isEqualTo(401);
        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET.toUpperCase()).statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET + "x").statusCode()).as("longer secret").isEqualTo(401);
        assertThat(MaxStandIn.webhook(port, noSecret.id(), update, "").statusCode()).as("an account with no secret").isEqualTo(401);
        assertThat(MaxStandIn.webhook(port, sandbox.id(), update, SECRET).statusCode()).as("another provider's account").isEqualTo(401);
        assertThat(MaxStandIn.webhook(port, UUID.randomUUID(), update, SECRET).statusCode()).as("no such account").isEqualTo(401);
        assertThat(storedCount()).isZero();

        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);
        assertThat(storedCount()).isEqualTo(1);
        assertThat(accounts.health(workspace, account.id()).lastInboundAt()).isNotNull();
    }

    @Test
    void takesInTheSenderWithTheirNameAndALocationAndAContactCard() {
        var user = user();
        var update = MaxStandIn.messageCreated("mid.where-1", user, null, List.of(
                Map.of("type", "location", "latitude", 56.8389, "longitude", 60.6057),
                Map.of("type", "contact", "payload", Map.of("vcf_info",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:ez-vcard 0.11.3\r\nTEL;TYPE=cell:79161234567\r\nFN:Анна Смирнова\r\nEND:VCARD\r\n",
                        "max_info", Map.of("user_id", 123, "first_name", "Анна", "last_name", "С.")))));

        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);

        var message = stored("mid.where-1");
        assertThat(message.sender()).isEqualTo(user);
        assertThat(message.senderName()).isEqualTo("Анна Смирнова");
        assertThat(message.location()).isEqualTo(new InboundMessage.Location(56.8389, 60.6057, null));
        assertThat(message.contact()).isEqualTo(new InboundMessage.Contact("79161234567", "Анна Смирнова"));
        assertThat(customers.findBy(workspace, Identity.of(IdentityKind.MAX, user))).isPresent();
    }

    @Test
    void keepsAPhotoOnceEvenWhenMaxDeliversItAgain() {
        var url = MaxStandIn.photo(PHOTO);
        var update = MaxStandIn.messageCreated("mid.photo-1", user(), "Вот брак на рукаве", List.of(
                Map.of("type", "image", "payload", Map.of("photo_id", 4484450835L, "token", "r8MRvzDqRDVaw59SP", "url", url))));

        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);
        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);

        assertThat(stored("mid.photo-1").attachments()).singleElement().satisfies(file -> assertThat(file.mimeType()).isEqualTo("image/jpeg"));
        assertThat(storedCount()).isEqualTo(1);
        assertThat(MaxStandIn.events(URI.create(url).getPath())).as("downloaded once").hasSize(1);
        assertThat(jdbc.sql("select count(*) from attachment where workspace_id = ?").param(workspace.value()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPhotoMaxsHostWillNotGiveNowIsAskedForAgainAndNothingIsKeptMeanwhile() {
        var path = "/i/down-" + UUID.randomUUID();
        MaxStandIn.server().stubFor(get(urlPathEqualTo(path)).willReturn(status(502)));
        var update = MaxStandIn.messageCreated("mid.photo-later", user(), null, List.of(
                Map.of("type", "image", "payload", Map.of("photo_id", 1L, "token", "t", "url", MaxStandIn.baseUrl() + path))));

        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(503);
        assertThat(storedCount()).isZero();

        MaxStandIn.server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withBody(PHOTO)));
        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);
        assertThat(stored("mid.photo-later").attachments()).hasSize(1);
    }

    @Test
    void aFileBesedaDoesNotKeepIsSaidInTheTextInsteadOfRefusingTheMessage() {
        var path = "/files/notes-" + UUID.randomUUID();
        MaxStandIn.server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withBody("просто текст")));
        var update = MaxStandIn.messageCreated("mid.file-1", user(), "Смотрите файл", List.of(
                Map.of("type", "file", "filename", "notes.txt", "size", 24, "payload", Map.of("token", "f", "url", MaxStandIn.baseUrl() + path))));

        assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).isEqualTo(200);

        var message = stored("mid.file-1");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo("Смотрите файл\n[Файл «notes.txt» не принят: такие файлы Beseda не хранит]");
    }

    @Test
    void takesInAButtonPressWithItsTitleOnceAndAnswersItOnce() {
        var user = user();
        var callbackId = "f9LHodD0cOJf4_DkJGeq8BkDgc5vgSwZ-" + UUID.randomUUID();
        var press = MaxStandIn.messageCallback(callbackId, user, "Подтверждаю", "confirm:42");

        assertThat(MaxStandIn.webhook(port, account.id(), press, SECRET).statusCode()).isEqualTo(200);
        assertThat(MaxStandIn.webhook(port, account.id(), press, SECRET).statusCode()).isEqualTo(200);

        var message = stored(callbackId);
        assertThat(message.buttonPayload()).isEqualTo("confirm:42");
        assertThat(message.text()).isEqualTo("Подтверждаю");
        assertThat(message.sender()).isEqualTo(user);
        var answers = MaxStandIn.events("/answers").stream()
                .filter(e -> callbackId.equals(e.getRequest().queryParameter("callback_id").firstValue())).toList();
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.getRequest().getHeader("Authorization")).isEqualTo(token);
            assertThat(json.readTree(answer.getRequest().getBodyAsString()).path("notification").asString()).isEqualTo("Подтверждаю");
        });
    }

    @Test
    void aPressIsKeptWhenMaxWillNotTakeTheAnswer() {
        var callbackId = "cb-" + UUID.randomUUID();
        MaxStandIn.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/answers"))
                .withQueryParam("callback_id", equalTo(callbackId)).atPriority(1).willReturn(status(500)));

        var status = MaxStandIn.webhook(port, account.id(), MaxStandIn.messageCallback(callbackId, user(), "Да", "yes"), SECRET).statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(stored(callbackId).buttonPayload()).isEqualTo("yes");
    }

    @Test
    void aCustomerOpeningTheBotIsTakenInOnce() {
        var user = user();
        var started = MaxStandIn.botStarted(user, 1775025604499L);

        assertThat(MaxStandIn.webhook(port, account.id(), started, SECRET).statusCode()).isEqualTo(200);
        assertThat(MaxStandIn.webhook(port, account.id(), started, SECRET).statusCode()).isEqualTo(200);

        var message = stored("bot_started:" + user + ":1775025604499");
        assertThat(message.text()).isNull();
        assertThat(message.senderName()).isEqualTo("Анна Смирнова");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void passesOverGroupChatsOtherBotsAndUpdatesBesedaHasNoUseFor() {
        var group = MaxStandIn.messageCreated("mid.group-1", user(), "Всем привет", List.of()).replace("\"dialog\"", "\"chat\"");
        var bot = MaxStandIn.messageCreated("mid.bot-1", user(), "Я бот", List.of()).replace("\"is_bot\":false", "\"is_bot\":true");
        var edited = MaxStandIn.messageCreated("mid.edit-1", user(), "Исправил", List.of()).replace("message_created", "message_edited");
        var stopped = "{\"update_type\": \"bot_stopped\", \"timestamp\": 1775025604499, \"chat_id\": 1, \"user\": {\"user_id\": 5}}";

        for (var update : List.of(group, bot, edited, stopped)) {
            assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).as(update).isEqualTo(200);
        }
        assertThat(storedCount()).isZero();
    }

    @Test
    void takesInTheTextOfAForwardedMessageEvenWithoutABodyOfItsOwn() {
        var user = user();
        var update = (tools.jackson.databind.node.ObjectNode) json.readTree(MaxStandIn.messageCreated("mid.unused", user, null, List.of()));
        var message = (tools.jackson.databind.node.ObjectNode) update.path("message");
        message.remove("body");
        message.putObject("link").put("type", "forward").put("chat_id", -695695695695L)
                .putObject("message").put("mid", "mid.sha-more").put("seq", 116327994376978687L).put("text", "Лада седан - баклажан");

        assertThat(MaxStandIn.webhook(port, account.id(), update.toString(), SECRET).statusCode()).isEqualTo(200);
        assertThat(MaxStandIn.webhook(port, account.id(), update.toString(), SECRET).statusCode()).isEqualTo(200);

        var stored = stored("forward:mid.sha-more:" + user + ":1775053255737");
        assertThat(stored.text()).isEqualTo("[Переслано] Лада седан - баклажан");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void aChannelPostWithoutASenderIsPassedOverNotRefused() {
        var update = (tools.jackson.databind.node.ObjectNode) json.readTree(MaxStandIn.messageCreated("mid.post-1", user(), "Новинки недели", List.of()));
        var message = (tools.jackson.databind.node.ObjectNode) update.path("message");
        message.remove("sender");
        ((tools.jackson.databind.node.ObjectNode) message.path("recipient")).put("chat_type", "channel");

        assertThat(MaxStandIn.webhook(port, account.id(), update.toString(), SECRET).statusCode()).isEqualTo(200);
        assertThat(storedCount()).isZero();
    }

    @Test
    void refusesWhatIsNotAMaxUpdateAndKeepsNothing() {
        var noMid = MaxStandIn.messageCreated("mid.x", user(), "Привет", List.of()).replace("\"mid\":\"mid.x\",", "");
        var noUser = MaxStandIn.messageCallback("cb-x", user(), "Да", "yes").replaceFirst("\"user_id\":\\d+,", "");
        var badPlace = MaxStandIn.messageCreated("mid.y", user(), null, List.of(Map.of("type", "location", "latitude", 123.0)));

        for (var update : List.of("не json", "[]", "{\"timestamp\": 1}", noMid, noUser, badPlace)) {
            assertThat(MaxStandIn.webhook(port, account.id(), update, SECRET).statusCode()).as(update).isEqualTo(400);
        }
        assertThat(storedCount()).isZero();
    }

    @Test
    void checksTheTokenByAskingMaxWhoTheBotIs() {
        assertThat(factory.test(account)).satisfies(result -> {
            assertThat(result.ok()).isTrue();
            assertThat(result.message()).contains("Магазин Берёзка", "@berezka_bot");
        });

        MaxStandIn.server().stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization", equalTo(token)).atPriority(1)
                .willReturn(status(401).withBody("{\"code\": \"verify.token\", \"message\": \"Invalid access_token\"}")));
        assertThat(factory.test(account)).satisfies(result -> {
            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("не принял токен", "verify.token");
        });
    }

    @Test
    void registersTheWebhookWithASecretItMakesWhenNoneWasGiven() {
        var bare = accounts.add(workspace, Channel.MAX, MaxConnectorFactory.PROVIDER, "Новый бот",
                Map.of("accessToken", token, "webhookSecret", ""), 10);
        var url = URI.create("https://chat.shop.example/webhooks/max/" + bare.id());

        var result = factory.registerWebhook(bare, url);

        assertThat(result.ok()).as(result.message()).isTrue();
        var subscription = MaxStandIn.events("/subscriptions").stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(bare.id().toString())).toList();
        assertThat(subscription).singleElement().satisfies(call -> {
            assertThat(call.getRequest().getHeader("Authorization")).isEqualTo(token);
            var body = json.readTree(call.getRequest().getBodyAsString());
            assertThat(body.path("url").asString()).isEqualTo(url.toString());
            assertThat(body.path("update_types").valueStream().map(t -> t.asString()).toList())
                    .containsExactly("message_created", "message_callback", "bot_started");
            var secret = body.path("secret").asString();
            assertThat(secret).matches("[A-Za-z0-9_-]{5,256}");
            var saved = accounts.find(workspace, bare.id()).orElseThrow();
            assertThat(saved.settings().get("webhookSecret")).isEqualTo(secret);
            assertThat(accounts.redactedSettings(saved).get("webhookSecret")).isNotEqualTo(secret);
            var update = MaxStandIn.messageCreated("mid.after-register", user(), "Привет", List.of());
            assertThat(MaxStandIn.webhook(port, bare.id(), update, secret).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void doesNotRegisterAnAddressMaxCannotDeliverTo() {
        var before = MaxStandIn.events("/subscriptions").size();

        var plain = factory.registerWebhook(account, URI.create("http://localhost:8080/webhooks/max/" + account.id()));
        var port8443 = factory.registerWebhook(account, URI.create("https://chat.shop.example:8443/webhooks/max/" + account.id()));

        assertThat(plain.ok()).isFalse();
        assertThat(plain.message()).contains("https", "443", "BESEDA_PUBLIC_URL");
        assertThat(port8443.ok()).isFalse();
        assertThat(MaxStandIn.events("/subscriptions")).hasSize(before);
    }

    private String user() {
        return String.valueOf(400_000_000L + Math.abs(UUID.randomUUID().hashCode() % 99_999_999));
    }

    private long storedCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    private InboundMessages.Stored stored(String providerMessageId) {
        var id = jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), providerMessageId).query(UUID.class).single();
        return inbound.find(workspace, id).orElseThrow();
    }
}
