package io.beseda.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.channel.Attachments;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.QuickReply;
import io.beseda.conversation.InboxFixtures;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** What WhatsApp is asked to send, within its limits, and what Beseda does when Meta says no. */
class WhatsAppSendingTests extends WhatsAppTestBase {

    @Autowired
    Attachments attachments;

    @Test
    void aLongTextGoesInPartsOfAtMost4096CharactersCutBetweenWords() {
        var words = IntStream.range(0, 1200).mapToObj(i -> "слово" + i).collect(Collectors.joining(" "));
        var id = replyAndDispatch(customerNumber(), words, List.of(), List.of());

        assertThat(entry(id).status()).isEqualTo(MessageStatus.SENT);
        var parts = meta.sentFor(id).stream().map(m -> m.path("text").path("body").asString()).toList();
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join(" ", parts)).isEqualTo(words);
        assertThat(parts).allSatisfy(part -> assertThat(part).matches("слово\\d+( слово\\d+)*"));
    }

    @Test
    void upToThreeShortButtonsAreReplyButtonsAndMoreBecomeAList() {
        var three = replyAndDispatch(customerNumber(), "Какой размер?", List.of(new QuickReply("46", "size:46"),
                new QuickReply("48", "size:48"), new QuickReply("50", "size:50")), List.of());
        var buttons = single(three).path("interactive");
        assertThat(buttons.path("type").asString()).isEqualTo("button");
        assertThat(buttons.path("action").path("buttons").path(1).path("reply").path("id").asString()).isEqualTo("size:48");

        var four = replyAndDispatch(customerNumber(), "Какой размер?", List.of(new QuickReply("44", "size:44"),
                new QuickReply("46", "size:46"), new QuickReply("48", "size:48"), new QuickReply("50", "size:50")), List.of());
        var list = single(four).path("interactive");
        assertThat(list.path("type").asString()).isEqualTo("list");
        assertThat(list.path("action").path("button").asString()).isEqualTo("Выбрать");
        assertThat(list.path("action").path("sections").path(0).path("rows")).hasSize(4);
        assertThat(list.path("action").path("sections").path(0).path("rows").path(3).path("id").asString()).isEqualTo("size:50");

        var longTitle = replyAndDispatch(customerNumber(), "Куда доставить?", List.of(
                new QuickReply("Курьером до двери сегодня вечером", "courier"), new QuickReply("Самовывоз", "pickup")), List.of());
        var rows = single(longTitle).path("interactive").path("action").path("sections").path(0).path("rows");
        assertThat(single(longTitle).path("interactive").path("type").asString()).as("a title over 20 characters").isEqualTo("list");
        assertThat(rows.path(0).path("title").asString()).hasSizeLessThanOrEqualTo(24).endsWith("…");
        assertThat(rows.path(0).path("description").asString()).isEqualTo("Курьером до двери сегодня вечером");
        assertThat(rows.path(1).path("title").asString()).isEqualTo("Самовывоз");
        assertThat(rows.path(1).has("description")).isFalse();
    }

    @Test
    void aPdfGoesAsADocumentWithItsNameAndTheTextAsItsCaption() {
        var receipt = attachments.store(workspace, "чек-10023.pdf", "%PDF-1.4\n%%EOF\n".getBytes());
        var id = replyAndDispatch(customerNumber(), "Ваш чек", List.of(), List.of(receipt));

        var document = single(id).path("document");
        assertThat(single(id).path("type").asString()).isEqualTo("document");
        assertThat(document.path("filename").asString()).isEqualTo("чек-10023.pdf");
        assertThat(document.path("caption").asString()).isEqualTo("Ваш чек");
        assertThat(meta.uploadedType(document.path("id").asString())).isEqualTo("application/pdf");
    }

    @Test
    void aRateLimitIsRetriedAfterMetasPauseAndTheMessageIsNotLost() {
        var phone = MetaStandIn.phone(account);
        var limited = meta.wiremock().stubFor(post(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + phone + "/messages")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                        .withBody(graphError(130429, "Rate limit hit",
                                "Message failed to send because there were too many messages sent from this phone number"))));

        var id = replyAndDispatch(customerNumber(), "Спасибо за заказ!", List.of(), List.of());

        var waiting = entry(id);
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.failureDetail()).contains("130429");
        assertThat(nextAttempt(id)).isCloseTo(Instant.now().plusSeconds(30), within(Duration.ofSeconds(5)));

        meta.wiremock().removeStub(limited);
        sentOnceDue(id);
        assertThat(meta.sentFor(id)).as("one refused try, one accepted").hasSize(2);
    }

    @Test
    void tooManyMessagesToOneCustomerWaitSixSeconds() {
        refuseAll(400, graphError(131056, "(Business Account, Consumer Account) pair rate limit hit",
                "Message failed to send because there were too many messages sent from this phone number to the same phone number"));

        var id = replyAndDispatch(customerNumber(), "Ещё одно", List.of(), List.of());

        assertThat(entry(id).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(nextAttempt(id)).isCloseTo(Instant.now().plusSeconds(6), within(Duration.ofSeconds(3)));
    }

    @Test
    void theClosedWindowAndABadTokenFailAtOnceWithTheReason() {
        refuseAll(400, graphError(131047, "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number."));
        var late = replyAndDispatch(customerNumber(), "Вы забыли корзину", List.of(), List.of());
        assertThat(entry(late).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry(late).failureDetail()).contains("24 hours").contains("template");

        refuseAll(401, graphError(190, "Error validating access token: Session has expired", ""));
        var expired = replyAndDispatch(customerNumber(), "Заказ отправлен", List.of(), List.of());
        assertThat(entry(expired).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry(expired).failureDetail()).contains("access token is invalid or expired");
        assertThat(accounts.health(workspace, account.id()).lastError()).contains("access token");
    }

    @Test
    void aRetryAfterAFailedPartSendsOnlyTheRestAgain() {
        var phone = MetaStandIn.phone(account);
        var text = IntStream.range(0, 600).mapToObj(i -> "часть" + i).collect(Collectors.joining(" "));
        meta.wiremock().stubFor(post(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + phone + "/messages")).atPriority(1)
                .inScenario("second part fails").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.first-part\"}]}"))
                .willSetStateTo("first sent"));
        meta.wiremock().stubFor(post(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + phone + "/messages")).atPriority(1)
                .inScenario("second part fails").whenScenarioStateIs("first sent")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(graphError(2, "Service temporarily unavailable", "")))
                .willSetStateTo("meta back"));

        var id = replyAndDispatch(customerNumber(), text, List.of(), List.of());
        assertThat(entry(id).status()).isEqualTo(MessageStatus.QUEUED);

        sentOnceDue(id);
        var firstParts = meta.sentFor(id).stream().filter(m -> m.path("text").path("body").asString().startsWith("часть0 ")).count();
        assertThat(firstParts).as("the first part went once").isOne();
        assertThat(meta.sentFor(id)).as("first part, refused second part, second part again").hasSize(3);
    }

    private void sentOnceDue(MessageId id) {
        // the per-chat pace (6 s) still holds the retry back for a moment after the refused try
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            dueNow(id);
            dispatcher.dispatchDue();
            return entry(id).status() == MessageStatus.SENT;
        });
    }

    private void refuseAll(int status, String body) {
        meta.wiremock().stubFor(post(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + MetaStandIn.phone(account) + "/messages"))
                .atPriority(1).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private JsonNode single(MessageId id) {
        var sent = meta.sentFor(id);
        assertThat(sent).as("messages sent for " + id + ": " + entry(id)).hasSize(1);
        return sent.getFirst();
    }

    private Instant nextAttempt(MessageId id) {
        return jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    static String graphError(int code, String message, String details) {
        return "{\"error\": {\"message\": \"(#" + code + ") " + message + "\", \"type\": \"OAuthException\", \"code\": " + code
                + ", \"error_data\": {\"messaging_product\": \"whatsapp\", \"details\": \"" + details + "\"}, "
                + "\"fbtrace_id\": \"Az8or2yhqkZfEZ-_4Qn_Bam\"}}";
    }
}
