package io.beseda.channel.max;

import java.time.Duration;
import java.time.Instant;
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
import io.beseda.consent.DecisionReason;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What a MAX bot sends, and when it may not: parts, photos, buttons, MAX's refusals and pauses, and the customer-first rule. */
@ExtendWith(MaxStandIn.class)
@BesedaTest
@TestPropertySource(properties = "beseda.channel.max.base-url=${" + MaxStandIn.PROPERTY + "}")
class MaxSendingTests {

    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final String SECRET = "sending-tests-secret";

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
    Attachments attachments;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    ChannelAccount account;
    String token;

    @BeforeEach
    void aShopWithAMaxBot() {
        workspace = workspaces.create("MAX отправка").workspace().id();
        token = "token-" + UUID.randomUUID();
        account = accounts.add(workspace, Channel.MAX, MaxConnectorFactory.PROVIDER, "Бот в MAX",
                Map.of("accessToken", token, "webhookSecret", SECRET), 10);
    }

    @Test
    void callsMaxWithTheBotTokenAndKeepsItOffTheFileHost() {
        var user = customerWrites();
        var photo = attachments.store(workspace, "платье.png", PHOTO);

        var id = queue(user, "Вот это платье", List.of(new QuickReply("Беру", "buy")), List.of(photo));
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
        var calls = MaxStandIn.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/messages") || e.getRequest().getUrl().startsWith("/uploads"))
                .filter(e -> token.equals(e.getRequest().getHeader("Authorization"))).count();
        assertThat(calls).as("POST /uploads and POST /messages, both with the token").isEqualTo(2);
        var upload = MaxStandIn.events("/upload.do").stream()
                .filter(e -> e.getResponse().getBodyAsString().contains(tokenOfPhotoIn(MaxStandIn.messagesTo(user).getFirst()))).findFirst()
                .orElseThrow();
        assertThat(upload.getRequest().containsHeader("Authorization")).as("the upload host does not get the bot's token").isFalse();
    }

    @Test
    void splitsALongReplyAtWordsWithThePhotoFirstAndTheButtonsLast() {
        var user = customerWrites();
        var words = new StringBuilder();
        for (int i = 0; words.length() < 9_500; i++) {
            words.append("слово").append(i).append(i % 40 == 39 ? ".\n" : " ");
        }
        var text = words.toString().strip();
        var photo = attachments.store(workspace, "товар.png", PHOTO);

        var id = queue(user, text, List.of(new QuickReply("Беру", "buy"), new QuickReply("Другой", "other")), List.of(photo));
        dispatcher.dispatchDue();

        var sent = MaxStandIn.messagesTo(user);
        assertThat(sent).hasSize(3);
        assertThat(sent).allSatisfy(part -> assertThat(part.path("text").asString().length()).isLessThanOrEqualTo(4000));
        var joined = sent.stream().map(part -> part.path("text").asString()).toList();
        assertThat(String.join(" ", joined).split("\\s+")).as("no word is cut").containsExactly(text.split("\\s+"));
        assertThat(MaxStandIn.attachments(sent.get(0), "image")).hasSize(1);
        assertThat(MaxStandIn.buttonTitles(sent.get(0))).isEmpty();
        assertThat(MaxStandIn.attachments(sent.get(1), "image")).isEmpty();
        assertThat(MaxStandIn.buttonTitles(sent.get(2))).containsExactly("Беру", "Другой");
        assertThat(MaxStandIn.attachments(sent.get(2), "image")).isEmpty();
        assertThat(outbox.find(workspace, id).orElseThrow().providerMessageId()).as("the last part's id, the one with the buttons")
                .isEqualTo(MaxStandIn.midsTo(user).getLast());
    }

    @Test
    void aRateLimitedReplyWaitsMaxsPauseAndIsNotLost() {
        var user = customerWrites();
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withQueryParam("user_id", equalTo(user)).atPriority(1)
                .inScenario("429 " + user).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(status(429).withHeader("Retry-After", "7")
                        .withBody("{\"code\": \"too.many.requests\", \"message\": \"Too many requests\"}"))
                .willSetStateTo("served"));

        var id = queue(user, "Ваш заказ готов к выдаче", List.of(), List.of());
        dispatcher.dispatchDue();

        var waiting = outbox.find(workspace, id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.failureDetail()).contains("429");
        assertThat(nextAttemptIn(id)).isCloseTo(Duration.ofSeconds(7), Duration.ofSeconds(2));

        makeDue(id);
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
        assertThat(MaxStandIn.messagesTo(user)).extracting(body -> body.path("text").asString())
                .containsExactly("Ваш заказ готов к выдаче", "Ваш заказ готов к выдаче");
    }

    @Test
    void aRetryAfterARefusedSecondPartSendsOnlyWhatIsLeft() {
        var user = customerWrites();
        var scenario = "second part " + user;
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withQueryParam("user_id", equalTo(user)).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson("{\"message\": {\"body\": {\"mid\": \"mid.first-part\", \"seq\": 1, \"text\": \"\"}}}"))
                .willSetStateTo("first taken"));
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withQueryParam("user_id", equalTo(user)).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("first taken")
                .willReturn(status(503).withBody("{\"code\": \"internal\", \"message\": \"Service unavailable\"}"))
                .willSetStateTo("up again"));
        var text = "Первая часть. ".repeat(300) + "Вторая часть.";
        var photo = attachments.store(workspace, "товар.png", PHOTO);

        var id = queue(user, text, List.of(new QuickReply("Да", "yes")), List.of(photo));
        dispatcher.dispatchDue();
        assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
        makeDue(id);
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
        var sent = MaxStandIn.messagesTo(user);
        assertThat(sent).as("first part, second part refused, second part again").hasSize(3);
        assertThat(sent.get(1)).isEqualTo(sent.get(2));
        assertThat(MaxStandIn.events("/upload.do").stream().filter(e -> e.getResponse().getBodyAsString()
                .contains(tokenOfPhotoIn(sent.get(0))))).as("the photo was uploaded once").hasSize(1);
        assertThat(uploadsCountedFor(sent.get(0))).isEqualTo(1);
    }

    @Test
    void aPhotoMaxIsStillProcessingIsSentAgainShortlyWithoutAnotherUpload() {
        var user = customerWrites();
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withQueryParam("user_id", equalTo(user)).atPriority(1)
                .inScenario("not ready " + user).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(status(400).withBody("{\"code\": \"attachment.not.ready\", \"message\": \"Key: errors.process.attachment.file.not.processed\"}"))
                .willSetStateTo("processed"));
        var photo = attachments.store(workspace, "товар.png", PHOTO);

        var id = queue(user, "Фото товара", List.of(), List.of(photo));
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
        assertThat(nextAttemptIn(id)).isCloseTo(Duration.ofSeconds(3), Duration.ofSeconds(2));
        makeDue(id);
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
        var sent = MaxStandIn.messagesTo(user);
        assertThat(sent).hasSize(2);
        assertThat(tokenOfPhotoIn(sent.get(1))).isEqualTo(tokenOfPhotoIn(sent.get(0)));
        assertThat(uploadsCountedFor(sent.get(0))).isEqualTo(1);
    }

    @Test
    void aRefusedTokenOrABlockedBotFailsTheMessageForGoodAndShowsOnTheAccount() {
        var user = customerWrites();
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withHeader("Authorization", equalTo(token)).atPriority(1)
                .willReturn(status(401).withBody("{\"code\": \"verify.token\", \"message\": \"Invalid access_token\"}")));

        var id = queue(user, "Ваш заказ готов", List.of(), List.of());
        dispatcher.dispatchDue();

        var failed = outbox.find(workspace, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("REJECTED");
        assertThat(failed.failureDetail()).contains("401", "verify.token");
        assertThat(accounts.health(workspace, account.id()).lastError()).contains("verify.token");

        var blocked = customerWrites();
        MaxStandIn.server().stubFor(post(urlPathEqualTo("/messages")).withQueryParam("user_id", equalTo(blocked)).atPriority(0)
                .willReturn(status(403).withBody("{\"code\": \"chat.denied\", \"message\": \"The user has blocked the bot\"}")));
        var second = queue(blocked, "Ваш заказ готов", List.of(), List.of());
        dispatcher.dispatchDue();
        assertThat(outbox.find(workspace, second).orElseThrow().failureDetail()).contains("403", "chat.denied");
    }

    @Test
    void repliesToACustomerWhoWroteButNeverWritesFirst() {
        var wrote = customerWrites();
        var reply = queue(wrote, "Здравствуйте! Чем помочь?", List.of(), List.of());

        var stranger = String.valueOf(700_000_000L + Math.abs(UUID.randomUUID().hashCode() % 99_999_999));
        var neverWrote = customers.resolve(workspace, List.of(Identity.of(IdentityKind.MAX, stranger)), Instant.now()).orElseThrow();
        var first = outbox.queue(workspace, new OutboundMessage(neverWrote, Channel.MAX, MessageCategory.SERVICE,
                "Ваш заказ передан в доставку", stranger, "max-first-" + UUID.randomUUID(), false, Duration.ofHours(1)));

        dispatcher.dispatchDue();

        assertThat(statusOf(reply)).isEqualTo(MessageStatus.SENT);
        var refused = outbox.find(workspace, first).orElseThrow();
        assertThat(refused.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(refused.failureReason()).isEqualTo(DecisionReason.MAX_CUSTOMER_NOT_WRITTEN.name());
        assertThat(MaxStandIn.messagesTo(stranger)).as("MAX was not asked").isEmpty();
    }

    @Test
    void aCustomerWhoOpenedTheBotMayBeWrittenToAtTheirMaxId() {
        var user = String.valueOf(600_000_000L + Math.abs(UUID.randomUUID().hashCode() % 99_999_999));
        assertThat(MaxStandIn.webhook(port, account.id(), MaxStandIn.botStarted(user, 1775025604499L), SECRET).statusCode()).isEqualTo(200);
        var customer = customers.findBy(workspace, Identity.of(IdentityKind.MAX, user)).orElseThrow();

        // no address: the connector finds the customer's MAX id itself, as for a journey's message
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.MAX, MessageCategory.SERVICE,
                "Спасибо, что заглянули! Ваша скидка 10% действует до воскресенья", null, "max-start-" + UUID.randomUUID(),
                false, Duration.ofHours(1)));
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
        assertThat(MaxStandIn.messagesTo(user)).singleElement().satisfies(body ->
                assertThat(body.path("text").asString()).startsWith("Спасибо, что заглянули"));
    }

    /** A customer writes «Здравствуйте» to the bot; answers their MAX user id. */
    private String customerWrites() {
        var user = String.valueOf(500_000_000L + Math.abs(UUID.randomUUID().hashCode() % 99_999_999));
        var status = MaxStandIn.webhook(port, account.id(),
                MaxStandIn.messageCreated("mid." + UUID.randomUUID(), user, "Здравствуйте", List.of()), SECRET).statusCode();
        assertThat(status).isEqualTo(200);
        return user;
    }

    private MessageId queue(String user, String text, List<QuickReply> buttons, List<Attachment> files) {
        var customer = customers.findBy(workspace, Identity.of(IdentityKind.MAX, user)).orElseThrow();
        return outbox.queue(workspace, new OutboundMessage(customer, Channel.MAX, MessageCategory.REPLY, text, user,
                "max-" + UUID.randomUUID(), false, Duration.ofHours(1), buttons, files));
    }

    private MessageStatus statusOf(MessageId id) {
        return outbox.find(workspace, id).orElseThrow().status();
    }

    private static String tokenOfPhotoIn(tools.jackson.databind.JsonNode body) {
        return MaxStandIn.attachments(body, "image").getFirst().path("payload").path("token").asString();
    }

    private static long uploadsCountedFor(tools.jackson.databind.JsonNode body) {
        return MaxStandIn.events("/upload.do").stream().filter(e -> e.getResponse().getBodyAsString().contains(tokenOfPhotoIn(body))).count();
    }

    private Duration nextAttemptIn(MessageId id) {
        var at = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
        return Duration.between(Instant.now(), at);
    }

    private void makeDue(MessageId id) {
        jdbc.sql("update outbound_message set next_attempt_at = now() - interval '1 second' where id = ?").param(id.value()).update();
    }
}
