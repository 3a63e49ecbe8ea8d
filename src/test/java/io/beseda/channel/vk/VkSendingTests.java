package io.beseda.channel.vk;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sending through VK beyond the connector kit: long texts, VK's errors and limits, documents, receipts of several messages. */
@BesedaTest
@TestPropertySource(properties = "beseda.channel.vk.base-url=${" + VkStandIn.PROPERTY + "}")
class VkSendingTests {

    @RegisterExtension
    static final VkStandIn vk = VkStandIn.shared();

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
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private VkCallbacks callbacks;
    private long vkId;
    private CustomerId customer;

    @BeforeEach
    void aCustomerWroteToTheCommunity() {
        workspace = workspaces.create("ВК отправка").workspace().id();
        account = accounts.add(workspace, Channel.VK, VkConnectorFactory.PROVIDER, "Сообщество", Map.of("groupId", VkStandIn.GROUP,
                "accessToken", VkStandIn.TOKEN, "callbackSecret", VkStandIn.SECRET, "confirmationCode", VkStandIn.CONFIRMATION), 20);
        callbacks = new VkCallbacks(json, port);
        vkId = 100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L);
        callbacks.post(account.id(), callbacks.event("message_new", "hello-" + vkId, VkCallbacks.messageNew(vkId, 1, Map.of("text", "Здравствуйте"))));
        customer = customers.findBy(workspace, Identity.of(IdentityKind.VK, Long.toString(vkId))).orElseThrow();
    }

    @Test
    void splitsALongTextBetweenWordsIntoMessagesOfAtMost4096WithTheButtonsUnderTheLast() {
        // 9,889 characters: three parts
        var words = IntStream.range(0, 1100).mapToObj(i -> "слово" + i).toList();
        var body = String.join(" ", words);
        var id = queue(body, List.of(new QuickReply("Позвать оператора", "handoff")), List.of(), Long.toString(vkId));
        answerSend(id, 0, 501);
        answerSend(id, 1, 502);
        answerSend(id, 2, 503);

        dispatcher.dispatchDue();

        var sends = sendsOf(id);
        assertThat(sends).hasSize(3);
        assertThat(sends).allSatisfy(send -> {
            assertThat(send.get("message").length()).isLessThanOrEqualTo(4096);
            assertThat(send).containsEntry("peer_id", Long.toString(vkId));
            assertThat(words).as("no word is cut").containsAll(Arrays.asList(send.get("message").split(" ")));
        });
        assertThat(sends.stream().map(send -> send.get("message")).collect(Collectors.joining(" "))).isEqualTo(body);
        assertThat(sends.subList(0, 2)).noneSatisfy(send -> assertThat(send).containsKey("keyboard"));
        assertThat(VkKeyboards.labels(sends.get(2).get("keyboard"), json)).containsExactly("Позвать оператора");
        assertThat(json.readTree(sends.get(2).get("keyboard")).path("inline").asBoolean()).isTrue();
        var sent = outbox.find(workspace, id).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo(VkStandIn.GROUP + "_503");
    }

    @Test
    void tooManyRequestsIsTriedAgainLaterAndTheRetrySendsTheMessageOnce() {
        var id = queue("Ваш заказ DM-10023 передан курьеру", List.of(), List.of(), Long.toString(vkId));
        var randomId = Integer.toString(VkRandomIds.of(id, 0));
        vk.server().stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(1).inScenario("flood").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"error\": {\"error_code\": 6, \"error_msg\": \"Too many requests per second\"}}"))
                .willSetStateTo("calm"));
        vk.server().stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(1).inScenario("flood").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"response\": 811}")));

        dispatcher.dispatchDue();

        var waiting = row(id);
        assertThat(waiting.status()).as("not lost: queued again").isEqualTo("QUEUED");
        assertThat(waiting.detail()).contains("VK error 6");
        assertThat(waiting.nextAttemptAt()).isCloseTo(Instant.now().plusSeconds(1), within(Duration.ofSeconds(1)));

        makeDue(id);
        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(outbox.find(workspace, id).orElseThrow().providerMessageId()).isEqualTo(VkStandIn.GROUP + "_811");
        assertThat(vk.calls("messages.send")).as("both attempts carry one random_id, so VK sends it once")
                .extracting(call -> call.get("random_id")).containsExactly(randomId, randomId);
    }

    @Test
    void http429WaitsAsLongAsVkSaysAndFloodControlAMinute() {
        var throttled = queue("Первое", List.of(), List.of(), Long.toString(vkId));
        vk.server().stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(1)
                .withRequestBody(containing("random_id=" + VkRandomIds.of(throttled, 0) + "&"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        var flooded = queue("Второе", List.of(), List.of(), Long.toString(vkId));
        vk.server().stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(1)
                .withRequestBody(containing("random_id=" + VkRandomIds.of(flooded, 0) + "&"))
                .willReturn(okJson("{\"error\": {\"error_code\": 9, \"error_msg\": \"Flood control\"}}")));

        dispatcher.dispatchDue();

        assertThat(row(throttled).status()).isEqualTo("QUEUED");
        assertThat(row(throttled).nextAttemptAt()).isCloseTo(Instant.now().plusSeconds(30), within(Duration.ofSeconds(3)));
        assertThat(row(flooded).status()).isEqualTo("QUEUED");
        assertThat(row(flooded).detail()).contains("VK error 9");
        assertThat(row(flooded).nextAttemptAt()).isCloseTo(Instant.now().plusSeconds(60), within(Duration.ofSeconds(3)));
    }

    @Test
    void aCustomerWhoHasNotAllowedMessagesFailsTheMessageWithVksReason() {
        vk.error("messages.send", 901, "Can't send messages for users without permission");
        var id = queue("Скидка 10% на всё", List.of(), List.of(), Long.toString(vkId));

        dispatcher.dispatchDue();

        var failed = outbox.find(workspace, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("REJECTED");
        assertThat(failed.failureDetail()).contains("VK error 901").contains("not allowed the community");
        assertThat(accounts.health(workspace, account.id()).lastError()).contains("901");
        assertThat(vk.calls("messages.send")).hasSize(1);
    }

    @Test
    void aRevokedTokenFailsTheMessageAtOnce() {
        vk.error("messages.send", 5, "User authorization failed: invalid access_token (4).");
        var id = queue("Ваш заказ готов", List.of(), List.of(), Long.toString(vkId));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(outbox.find(workspace, id).orElseThrow().failureDetail()).contains("access token is not valid");
    }

    @Test
    void sendsAPhotoAndAPdfTheVkWayToTheVkIdOnTheProfile() {
        var photo = attachments.store(workspace, "куртка.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        var pdf = attachments.store(workspace, "счёт", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        var id = queue("Счёт и фото куртки", List.of(), List.of(photo, pdf), null);

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(vk.calls("photos.getMessagesUploadServer")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("peer_id", Long.toString(vkId)));
        assertThat(vk.uploads("photo")).singleElement().satisfies(upload -> {
            assertThat(upload.getPart("photo").getHeader("Content-Type").firstValue()).isEqualTo("image/png");
            assertThat(upload.getPart("photo").getHeader("Content-Disposition").firstValue()).contains("filename=\"photo.png\"");
        });
        assertThat(vk.calls("photos.saveMessagesPhoto")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("server", "853224").containsEntry("hash", "b1e8f2");
            assertThat(call.get("photo")).contains("4d8c1d4e2b");
        });
        assertThat(vk.uploads("doc")).singleElement().satisfies(upload ->
                assertThat(upload.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("application/pdf"));
        assertThat(vk.calls("docs.save")).singleElement().satisfies(call -> assertThat(call).containsEntry("file", "doc-file-7f3a")
                .containsEntry("title", "счёт.pdf"));
        assertThat(sendsOf(id)).singleElement().satisfies(send -> {
            assertThat(send).containsEntry("peer_id", Long.toString(vkId));
            assertThat(send).containsEntry("attachment", "photo-" + VkStandIn.GROUP + "_457239017_ak51c0,doc-" + VkStandIn.GROUP + "_675112");
        });
    }

    @Test
    void aReadReceiptReadsEveryEarlierMessageAndNoLaterOne() {
        var first = queue("Первое", List.of(), List.of(), Long.toString(vkId));
        var second = queue("Второе", List.of(), List.of(), Long.toString(vkId));
        var third = queue("Третье", List.of(), List.of(), Long.toString(vkId));
        answerSend(first, 0, 601);
        answerSend(second, 0, 602);
        answerSend(third, 0, 603);
        dispatcher.dispatchDue();

        var answer = callbacks.post(account.id(), callbacks.event("message_read", "read-" + vkId,
                Map.of("from_id", vkId, "peer_id", vkId, "read_message_id", 602, "conversation_message_id", 7)));

        assertThat(answer.body()).isEqualTo("ok");
        assertThat(outbox.find(workspace, first).orElseThrow().status()).isEqualTo(MessageStatus.READ);
        assertThat(outbox.find(workspace, second).orElseThrow().status()).isEqualTo(MessageStatus.READ);
        assertThat(outbox.find(workspace, third).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aDeliveryReceiptThatOvertakesTheDispatcherIsAppliedOnceTheMessageIsSent() {
        var id = queue("Заказ собран", List.of(), List.of(), Long.toString(vkId));
        answerSend(id, 0, 701);

        var early = callbacks.post(account.id(), callbacks.event("message_reply", "reply-" + vkId, Map.of("date", 1732363300,
                "from_id", -VkStandIn.GROUP, "id", 701, "out", 1, "peer_id", vkId, "text", "Заказ собран", "random_id", 1,
                "conversation_message_id", 3, "version", 1)));
        dispatcher.dispatchDue();

        assertThat(early.body()).isEqualTo("ok");
        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    private MessageId queue(String body, List<QuickReply> replies, List<Attachment> files, String address) {
        return outbox.queue(workspace, new OutboundMessage(customer, Channel.VK, MessageCategory.REPLY, body, address,
                "vk-" + UUID.randomUUID(), false, Duration.ofHours(1), replies, files));
    }

    private void answerSend(MessageId message, int part, long vkMessageId) {
        vk.server().stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(1)
                .withRequestBody(containing("random_id=" + VkRandomIds.of(message, part) + "&"))
                .willReturn(okJson("{\"response\": " + vkMessageId + "}")));
    }

    private List<Map<String, String>> sendsOf(MessageId message) {
        return IntStream.range(0, 10).mapToObj(part -> Integer.toString(VkRandomIds.of(message, part)))
                .flatMap(randomId -> vk.calls("messages.send").stream().filter(call -> randomId.equals(call.get("random_id"))).limit(1))
                .toList();
    }

    private record Row(String status, String detail, Instant nextAttemptAt) {
    }

    private Row row(MessageId id) {
        return jdbc.sql("select status, failure_detail, next_attempt_at from outbound_message where id = ?").param(id.value())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).single();
    }

    private void makeDue(MessageId id) {
        jdbc.sql("update outbound_message set next_attempt_at = ? where id = ?").params(Timestamp.from(Instant.now()), id.value()).update();
    }
}
