package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerProfiles;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CSAT after an operator resolves; scripts filled in for the customer, as plain text. */
@BesedaTest
class CsatAndCannedRepliesTests {

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    CsatRatings ratings;

    @Autowired
    CannedReplies cannedReplies;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void resolvingAsksForARatingOnceAndAPressedButtonIsStoredWithoutReopening() {
        var tenant = workspaces.create("CSAT");
        var ws = tenant.workspace().id();
        var conversation = shop.write(ws, "csat-1", "Спасибо, всё получил");
        var api = Http.api(port);
        assertThat(api.call("POST", "/api/v1/conversations/" + conversation.id() + "/status", tenant.apiKey(),
                "{\"status\": \"RESOLVED\"}").statusCode()).isEqualTo(200);
        api.call("POST", "/api/v1/conversations/" + conversation.id() + "/status", tenant.apiKey(), "{\"status\": \"RESOLVED\"}");

        var requests = ratings.forConversation(ws, conversation.id());
        assertThat(requests).hasSize(1);
        var request = requests.getFirst();
        var outbound = jdbc.sql("select body, quick_replies::text from outbound_message where workspace_id = ? and idempotency_key = ?")
                .params(ws.value(), "csat-" + request.id()).query((row, n) -> new String[] {row.getString(1), row.getString(2)}).single();
        assertThat(outbound[0]).isEqualTo("Оцените, пожалуйста, как мы помогли: от 1 до 5");
        var buttons = json.readTree(outbound[1]);
        assertThat(buttons).hasSize(5);
        assertThat(buttons.get(3).get("title").asString()).isEqualTo("4");
        assertThat(buttons.get(3).get("payload").asString()).isEqualTo("csat:" + request.id() + ":4");

        shop.write(ws, "csat-1", "4", "csat:" + request.id() + ":4", Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(4).equals(ratings.forConversation(ws, conversation.id()).getFirst().rating()));
        assertThat(conversations.get(ws, conversation.id()).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(ratings.summary(ws, Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60)).average()).isEqualTo(4.0);
        assertThat(api.call("GET", "/api/v1/conversations/" + conversation.id() + "/csat", tenant.apiKey(), null).body()).contains("\"rating\":4");
    }

    @Test
    void aBareDigitRightAfterTheQuestionIsARatingButLaterItIsJustAMessage() {
        var tenant = workspaces.create("CSAT цифрой");
        var ws = tenant.workspace().id();
        var conversation = shop.write(ws, "csat-2", "Вопрос про доставку");
        conversations.setStatus(shop.actorOf(tenant.owner()), conversation.id(), ConversationStatus.RESOLVED);
        shop.write(ws, "csat-2", " 5 ");
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(5).equals(ratings.forConversation(ws, conversation.id()).getFirst().rating()));
        assertThat(conversations.get(ws, conversation.id()).status()).isEqualTo(ConversationStatus.RESOLVED);

        shop.write(ws, "csat-2", "3");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(ws, conversation.id()).status() == ConversationStatus.OPEN);
    }

    @Test
    void aScriptIsFilledInForTheCustomerAndHostileTextStaysPlain() {
        var tenant = workspaces.create("Шаблоны");
        var ws = tenant.workspace().id();
        var conversation = shop.write(ws, "canned-1", "Где мой заказ?");
        profiles.change(ws, conversation.customer(), new CustomerProfiles.Change("Анна <script>alert(1)</script> Петрова",
                null, null, null, null, null));
        jdbc.sql("insert into customer_order (workspace_id, order_id, customer_id, status, placed_at, updated_at) values (?, ?, ?, 'NEW', ?, ?)")
                .params(ws.value(), "A-1001", conversation.customer().value(), Timestamp.from(Instant.now().minusSeconds(86400)),
                        Timestamp.from(Instant.now())).update();
        jdbc.sql("insert into customer_order (workspace_id, order_id, customer_id, status, placed_at, updated_at) values (?, ?, ?, 'NEW', ?, ?)")
                .params(ws.value(), "A-1002", conversation.customer().value(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var script = cannedReplies.create(shop.admin(tenant), new CannedReplyDraft("order",
                "Статус заказа", "{{ customer.first_name }}, заказ {{ order.number }} в пути. {{ customer.name }} / {{ operator.name }} / {{ customer.city }}!"));

        var text = cannedReplies.render(shop.actorOf(operator), conversation.id(), script.id());

        assertThat(text).isEqualTo("Анна, заказ A-1002 в пути. Анна <script>alert(1)</script> Петрова / " + operator.displayName() + " / !");
        var api = Http.api(port);
        var rendered = api.call("POST", "/api/v1/conversations/" + conversation.id() + "/canned-replies/" + script.id() + "/render",
                tenant.apiKey(), null);
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(json.readTree(rendered.body()).get("text").asString()).contains("<script>alert(1)</script>");
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedNamingTheBody() {
        var tenant = workspaces.create("Кривой шаблон");
        var api = Http.api(port);

        var broken = api.call("POST", "/api/v1/canned-replies", tenant.apiKey(),
                "{\"shortcut\": \"hi\", \"title\": \"Привет\", \"body\": \"Здравствуйте, {% if customer.name %}{{ customer.name }\"}");
        var badShortcut = api.call("POST", "/api/v1/canned-replies", tenant.apiKey(),
                "{\"shortcut\": \"Привет всем\", \"title\": \"Привет\", \"body\": \"Здравствуйте\"}");
        var created = api.call("POST", "/api/v1/canned-replies", tenant.apiKey(),
                "{\"shortcut\": \"hi\", \"title\": \"Привет\", \"body\": \"Здравствуйте, {{ customer.first_name }}!\"}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"field\":\"body\"");
        assertThat(badShortcut.statusCode()).isEqualTo(400);
        assertThat(badShortcut.body()).contains("\"field\":\"shortcut\"");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(cannedReplies.list(tenant.workspace().id(), "прив")).hasSize(1);
    }

    @Test
    void unreadCountsAreTheCustomersMessagesAfterTheReadersMarker() {
        var tenant = workspaces.create("Непрочитанное");
        var ws = tenant.workspace().id();
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = shop.write(ws, "unread-1", "Раз");
        shop.write(ws, "unread-1", "Два");
        assertThat(readMarkers.unreadCounts(ws, operator.id(), java.util.List.of(conversation.id())))
                .isEqualTo(Map.of(conversation.id(), 2));

        readMarkers.markRead(shop.actorOf(operator), conversation.id());
        shop.write(ws, "unread-1", "Три", null, Instant.now().plusSeconds(1));

        assertThat(readMarkers.unread(ws, operator.id(), conversation.id())).isEqualTo(1);
        assertThat(readMarkers.unread(ws, tenant.owner().id(), conversation.id())).as("another reader").isEqualTo(3);
    }
}
