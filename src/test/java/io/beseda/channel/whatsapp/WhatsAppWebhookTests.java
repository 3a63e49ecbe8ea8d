package io.beseda.channel.whatsapp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.conversation.InboxFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's side of the webhook: its address check, its signature, and everything a customer can send. */
class WhatsAppWebhookTests extends WhatsAppTestBase {

    @Autowired
    InboundMessages inbound;

    @Test
    void answersMetasAddressCheckOnlyWithTheVerifyToken() {
        assertThat(verify(account.id(), "subscribe", MetaStandIn.VERIFY_TOKEN, "1158201444").statusCode()).isEqualTo(200);
        assertThat(verify(account.id(), "subscribe", MetaStandIn.VERIFY_TOKEN, "1158201444").body()).isEqualTo("1158201444");

        assertThat(verify(account.id(), "subscribe", "guessed-token", "1158201444").statusCode()).isEqualTo(403);
        assertThat(verify(account.id(), "unsubscribe", MetaStandIn.VERIFY_TOKEN, "1158201444").statusCode()).isEqualTo(403);
        assertThat(verify(account.id(), "subscribe", MetaStandIn.VERIFY_TOKEN, "<script>").statusCode()).isEqualTo(403);
        assertThat(verify(UUID.randomUUID(), "subscribe", MetaStandIn.VERIFY_TOKEN, "1158201444").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesADeliveryNotSignedWithTheAppSecretOverItsExactBytes() {
        var from = customerNumber();
        var body = bytes(meta.messages(account, from, "Ольга", List.of(text("wamid.sig-1", from, "Привет"))));

        assertThat(meta.deliver(port, account, body, null).statusCode()).as("no signature").isEqualTo(401);
        assertThat(meta.deliver(port, account, body, "another-app-secret").statusCode()).as("another secret").isEqualTo(401);
        var signed = Signatures.sign(MetaStandIn.APP_SECRET, body);
        assertThat(post(account.id(), body, "sha1=" + signed).statusCode()).as("another algorithm").isEqualTo(401);
        var tampered = new String(body, StandardCharsets.UTF_8).replace("Привет", "Переведите деньги").getBytes(StandardCharsets.UTF_8);
        assertThat(post(account.id(), tampered, "sha256=" + signed).statusCode()).as("body changed after signing").isEqualTo(401);
        assertThat(post(UUID.randomUUID(), body, "sha256=" + signed).statusCode()).as("unknown account").isEqualTo(401);
        assertThat(inboundCount()).isZero();

        assertThat(post(account.id(), body, "sha256=" + signed.toUpperCase()).statusCode()).as("hex in capitals").isEqualTo(200);
        assertThat(inboundCount()).isOne();
    }

    @Test
    void refusesAMalformedDeliveryWholeAndStoresNothingOfIt() {
        var from = customerNumber();
        assertThat(meta.deliver(port, account, "not json".getBytes(StandardCharsets.UTF_8), MetaStandIn.APP_SECRET).statusCode())
                .isEqualTo(400);
        var noSender = new java.util.LinkedHashMap<>(text("wamid.bad-2", from, "без отправителя"));
        noSender.remove("from");
        var answer = meta.deliver(port, account, meta.messages(account, from, "Ольга",
                List.of(text("wamid.good-1", from, "Нормальное сообщение"), noSender)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("from is missing");
        var notWhatsApp = meta.deliver(port, account, Map.of("object", "page", "entry", List.of()));
        assertThat(notWhatsApp.statusCode()).isEqualTo(400);

        assertThat(inboundCount()).as("the good message of a refused delivery is not stored either").isZero();
    }

    @Test
    void takesInLocationsContactsListChoicesAndTemplateButtonsWithTheSendersName() {
        var from = customerNumber();
        var answer = meta.deliver(port, account, meta.messages(account, from, "Ольга Петрова", List.of(
                MetaStandIn.message("wamid.loc", from, "location", Map.of("latitude", 55.7558, "longitude", 37.6173,
                        "name", "Тверская, 1", "address", "Москва, Тверская ул., 1")),
                MetaStandIn.message("wamid.list", from, "interactive", Map.of("type", "list_reply",
                        "list_reply", Map.of("id", "size:48", "title", "48 (M)", "description", "в наличии"))),
                MetaStandIn.message("wamid.tpl", from, "button", Map.of("payload", "order:DM-10023:cancel", "text", "Отменить заказ")))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        var location = stored("wamid.loc");
        assertThat(location.location()).isEqualTo(new InboundMessage.Location(55.7558, 37.6173, "Тверская, 1"));
        assertThat(location.senderName()).isEqualTo("Ольга Петрова");
        assertThat(location.sender()).isEqualTo(from);
        assertThat(stored("wamid.list").buttonPayload()).isEqualTo("size:48");
        assertThat(stored("wamid.list").text()).isEqualTo("48 (M)");
        assertThat(stored("wamid.tpl").buttonPayload()).isEqualTo("order:DM-10023:cancel");
        assertThat(stored("wamid.tpl").text()).isEqualTo("Отменить заказ");
    }

    @Test
    void takesInASharedContactCard() {
        var from = customerNumber();
        var card = new java.util.LinkedHashMap<String, Object>(MetaStandIn.message("wamid.vcard", from, "contacts", Map.of()));
        card.put("contacts", List.of(Map.of("name", Map.of("formatted_name", "Иван Курьер", "first_name", "Иван"),
                "phones", List.of(Map.of("phone", "+7 (916) 555-12-34", "type", "CELL", "wa_id", "79165551234")))));
        assertThat(meta.deliver(port, account, meta.messages(account, from, "Ольга", List.of(card))).statusCode()).isEqualTo(200);

        assertThat(stored("wamid.vcard").contact()).isEqualTo(new InboundMessage.Contact("+7 (916) 555-12-34", "Иван Курьер"));
    }

    @Test
    void leavesOutReactionsAndChangesForAnotherNumber() {
        var from = customerNumber();
        var reaction = MetaStandIn.message("wamid.react", from, "reaction", Map.of("message_id", "wamid.x", "emoji", "👍"));
        assertThat(meta.deliver(port, account, meta.messages(account, from, "Ольга", List.of(reaction))).statusCode()).isEqualTo(200);
        var other = MetaStandIn.connect(accounts, workspace);
        var forOther = meta.messages(other, from, "Ольга", List.of(text("wamid.other", from, "Не вам")));
        assertThat(meta.deliver(port, account, forOther).statusCode()).isEqualTo(200);

        assertThat(inboundCount()).isZero();
    }

    @Test
    void aPhotoWhatsAppCannotGiveNowIsAskedForAgainAndTheRedeliveryKeepsIt() {
        var from = customerNumber();
        var photo = MetaStandIn.message("wamid.photo", from, "image", Map.of("id", "880011", "mime_type", "image/png",
                "caption", "Вот брак"));
        var delivery = meta.messages(account, from, "Ольга", List.of(photo));

        var first = meta.deliver(port, account, delivery);
        assertThat(first.statusCode()).as("Meta delivers again after a refusal").isEqualTo(502);
        assertThat(inboundCount()).isZero();

        var png = InboxFixtures.photo();
        meta.holdsMedia("880011", png, "image/png");
        assertThat(meta.deliver(port, account, delivery).statusCode()).isEqualTo(200);
        assertThat(meta.deliver(port, account, delivery).statusCode()).isEqualTo(200);

        var kept = stored("wamid.photo");
        assertThat(kept.text()).isEqualTo("Вот брак");
        assertThat(kept.attachments()).singleElement().satisfies(file -> assertThat(file.mimeType()).isEqualTo("image/png"));
        assertThat(inboundCount()).isOne();
        assertThat(jdbc.sql("select count(*) from attachment where workspace_id = ?").param(workspace.value()).query(Long.class).single())
                .as("the redelivery did not fetch and keep the file again").isOne();
    }

    @Test
    void statusesThatArriveOutOfOrderNeverMoveAMessageBack() {
        var from = customerNumber();
        var read = replyAndDispatch(from, "Заказ собран", List.of(), List.of());
        var wamid = entry(read).providerMessageId();

        assertThat(meta.deliver(port, account, meta.status(account, wamid, "read")).statusCode()).isEqualTo(200);
        assertThat(meta.deliver(port, account, meta.status(account, wamid, "delivered")).statusCode()).isEqualTo(200);
        assertThat(meta.deliver(port, account, meta.status(account, wamid, "sent")).statusCode()).isEqualTo(200);
        assertThat(entry(read).status()).isEqualTo(MessageStatus.READ);

        var failed = replyAndDispatch(customerNumber(), "Курьер будет в 15:00", List.of(), List.of());
        var failedId = entry(failed).providerMessageId();
        var failure = meta.change(account, Map.of("statuses", List.of(Map.of("id", failedId, "status", "failed",
                "timestamp", String.valueOf(Instant.now().getEpochSecond()), "recipient_id", "79160000000",
                "errors", List.of(Map.of("code", 131026, "title", "Message undeliverable",
                        "error_data", Map.of("details", "Receiver is incapable of receiving this message")))))));
        assertThat(meta.deliver(port, account, failure).statusCode()).isEqualTo(200);
        assertThat(meta.deliver(port, account, meta.status(account, failedId, "delivered")).statusCode()).isEqualTo(200);

        var entry = entry(failed);
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureReason()).isEqualTo("UNDELIVERED");
        assertThat(entry.failureDetail()).contains("131026").contains("Message undeliverable");
    }

    private InboundMessages.Stored stored(String wamid) {
        var id = jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), wamid).query(UUID.class).single();
        return inbound.find(workspace, id).orElseThrow();
    }

    private static Map<String, Object> text(String id, String from, String body) {
        return MetaStandIn.message(id, from, "text", Map.of("body", body));
    }

    private byte[] bytes(Object value) {
        return json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    private java.net.http.HttpResponse<String> verify(UUID accountId, String mode, String token, String challenge) {
        return meta.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp/" + accountId
                + "?hub.mode=" + mode + "&hub.verify_token=" + token + "&hub.challenge=" + java.net.URLEncoder.encode(challenge,
                StandardCharsets.UTF_8))).GET().build());
    }

    private java.net.http.HttpResponse<String> post(UUID accountId, byte[] body, String signature) {
        return meta.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp/" + accountId))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
