package io.beseda.conversation;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Teams, transfers, labels and availability over REST, with the field named when something is wrong. */
@BesedaTest
class RoutingApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    ConversationLifecycle lifecycle;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void transfersToAnOperatorOrATeamLeaveANoteInTheThread() {
        var tenant = workspaces.create("Передача");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.MANUAL);
        var anna = shop.operator(tenant, team, OperatorStatus.ONLINE, 5);
        var api = Http.api(port);
        var created = api.call("POST", "/api/v1/teams", tenant.apiKey(), "{\"name\": \"Возвраты\", \"assignment\": \"MANUAL\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var returnsTeam = Http.location(created).substring("/api/v1/teams/".length());
        var conversation = shop.write(ws, "transfer-1", "Хочу вернуть кеды");

        var toAnna = api.call("POST", "/api/v1/conversations/" + conversation.id() + "/transfer", tenant.apiKey(),
                "{\"userId\": \"" + anna.id() + "\", \"note\": \"клиент постоянный\"}");
        assertThat(toAnna.statusCode()).isEqualTo(200);
        assertThat(conversations.get(ws, conversation.id()).assigneeId()).isEqualTo(anna.id().value());

        var toTeam = api.call("POST", "/api/v1/conversations/" + conversation.id() + "/transfer", tenant.apiKey(),
                "{\"teamId\": \"" + returnsTeam + "\", \"note\": \"это возврат\"}");
        assertThat(toTeam.statusCode()).isEqualTo(200);
        var after = conversations.get(ws, conversation.id());
        assertThat(after.assigneeId()).isNull();
        assertThat(after.teamId()).hasToString(returnsTeam);
        assertThat(conversations.messages(ws, conversation.id())).filteredOn(m -> m.direction() == ConversationMessage.Direction.NOTE)
                .extracting(ConversationMessage::text)
                .containsExactly("Передано оператору " + anna.displayName() + ": клиент постоянный", "Передано команде «Возвраты»: это возврат");
    }

    @Test
    void labelsArePrioritisedNormalisedAndBounded() {
        var tenant = workspaces.create("Метки");
        var ws = tenant.workspace().id();
        var conversation = shop.write(ws, "labels-1", "Вопрос по оплате");
        var api = Http.api(port);
        var base = "/api/v1/conversations/" + conversation.id();

        assertThat(api.call("PUT", base + "/labels", tenant.apiKey(), "{\"labels\": [\"VIP\", \" Оплата \", \"vip\"]}").statusCode()).isEqualTo(200);
        assertThat(api.call("POST", base + "/labels", tenant.apiKey(), "{\"label\": \"Возврат\"}").statusCode()).isEqualTo(200);
        assertThat(api.call("DELETE", base + "/labels/vip", tenant.apiKey(), null).statusCode()).isEqualTo(200);
        assertThat(conversations.get(ws, conversation.id()).labels()).containsExactly("оплата", "возврат");

        var tooLong = api.call("POST", base + "/labels", tenant.apiKey(), "{\"label\": \"" + "х".repeat(33) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"label\"");
        var badPriority = api.call("PUT", base + "/priority", tenant.apiKey(), "{\"priority\": \"SOMEDAY\"}");
        assertThat(badPriority.statusCode()).isEqualTo(400);
        assertThat(badPriority.body()).contains("priority");
        assertThat(api.call("PUT", base + "/priority", tenant.apiKey(), "{\"priority\": \"URGENT\"}").statusCode()).isEqualTo(200);
        var noTarget = api.call("POST", base + "/transfer", tenant.apiKey(), "{\"note\": \"куда?\"}");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(noTarget.body()).contains("\"field\":\"target\"");
        var badTeam = api.call("POST", "/api/v1/teams", tenant.apiKey(), "{\"name\": \"\", \"firstResponseMinutes\": 0}");
        assertThat(badTeam.statusCode()).isEqualTo(400);
        assertThat(badTeam.body()).contains("\"field\":\"name\"", "\"field\":\"firstResponseMinutes\"");
        var badHours = api.call("POST", "/api/v1/inboxes", tenant.apiKey(),
                "{\"name\": \"Сайт\", \"businessHours\": {\"MONDAY\": [[\"18:00\", \"09:00\"]]}}");
        assertThat(badHours.statusCode()).isEqualTo(400);
        assertThat(badHours.body()).contains("\"field\":\"businessHours\"");
        var badZone = api.call("POST", "/api/v1/inboxes", tenant.apiKey(), "{\"name\": \"Сайт\", \"timeZone\": \"Mars/Olympus\"}");
        assertThat(badZone.body()).contains("\"field\":\"timeZone\"");
    }

    @Test
    void snoozedConversationsWakeUpAtTheirTime() {
        var tenant = workspaces.create("Отложенные");
        var ws = tenant.workspace().id();
        var conversation = shop.write(ws, "snooze-1", "Напомните завтра");
        var api = Http.api(port);
        assertThat(api.call("POST", "/api/v1/conversations/" + conversation.id() + "/snooze", tenant.apiKey(),
                "{\"until\": \"2099-01-01T09:00:00Z\"}").statusCode()).isEqualTo(200);
        assertThat(conversations.get(ws, conversation.id()).status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(conversations.get(ws, conversation.id()).waitingSince()).isNull();

        var later = new MutableClock(java.time.Instant.parse("2099-01-01T09:00:01Z"));
        new SnoozeWakeUp(jdbc, transactions, lifecycle, events, later).pass();
        assertThat(conversations.get(ws, conversation.id()).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversations.get(ws, conversation.id()).waitingSince()).as("the customer spoke last").isNotNull();
    }

    @Test
    void operatorsAndCapacitiesAreListedAndAKeyHasNoAvailabilityOfItsOwn() {
        var tenant = workspaces.create("Операторы");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var api = Http.api(port);

        assertThat(api.call("PUT", "/api/v1/operators/" + operator.id() + "/capacity", tenant.apiKey(), "{\"capacity\": 101}").body())
                .contains("\"field\":\"capacity\"");
        assertThat(api.call("PUT", "/api/v1/operators/" + operator.id() + "/capacity", tenant.apiKey(), "{\"capacity\": 8}").statusCode()).isEqualTo(200);
        assertThat(api.call("PUT", "/api/v1/operators/" + operator.id() + "/availability", tenant.apiKey(), "{\"status\": \"ONLINE\"}").statusCode()).isEqualTo(200);
        assertThat(api.call("PUT", "/api/v1/operators/me/availability", tenant.apiKey(), "{\"status\": \"ONLINE\"}").statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.call("GET", "/api/v1/operators", tenant.apiKey(), null).body()
                .contains("\"status\":\"ONLINE\",\"capacity\":8"));
    }
}
