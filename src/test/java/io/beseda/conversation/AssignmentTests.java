package io.beseda.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Chats are handed to online team members with room, in the team's order, and never past capacity. */
@BesedaTest
class AssignmentTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Shop shop;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    Assignments assignments;

    @Autowired
    Triage triage;

    @Test
    void roundRobinGoesToWhoeverWaitedLongestAndSkipsOfflineOperators() {
        var tenant = workspaces.create("По очереди");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.ROUND_ROBIN);
        var anna = shop.operator(tenant, team, OperatorStatus.ONLINE, 5);
        var boris = shop.operator(tenant, team, OperatorStatus.ONLINE, 5);
        shop.operator(tenant, team, OperatorStatus.OFFLINE, 5);
        shop.operator(tenant, team, OperatorStatus.AWAY, 5);

        var order = new ArrayList<UserId>();
        for (int i = 0; i < 4; i++) {
            var conversation = shop.write(ws, "rr-" + i, "Вопрос " + i);
            order.add(new UserId(await().atMost(WAIT).until(() -> conversations.get(ws, conversation.id()).assigneeId(), a -> a != null)));
        }

        assertThat(order).containsOnly(anna.id(), boris.id());
        assertThat(order.get(0)).isNotEqualTo(order.get(1));
        assertThat(order.get(2)).isEqualTo(order.get(0));
        assertThat(order.get(3)).isEqualTo(order.get(1));
    }

    @Test
    void leastBusyGoesToTheOperatorWithFewestOpenChats() {
        var tenant = workspaces.create("Наименее занятому");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.MANUAL);
        var anna = shop.operator(tenant, team, OperatorStatus.ONLINE, 5);
        var boris = shop.operator(tenant, team, OperatorStatus.ONLINE, 5);
        for (int i = 0; i < 2; i++) {
            var conversation = shop.write(ws, "lb-a" + i, "Для Анны " + i);
            assignments.assign(shop.admin(tenant), conversation.id(), anna.id());
        }
        shop.teams.update(shop.admin(tenant), team.id(), new TeamSettings("Поддержка", AssignmentMode.LEAST_BUSY, 30, 30));

        for (int i = 0; i < 2; i++) {
            var conversation = shop.write(ws, "lb-" + i, "Кому-нибудь " + i);
            await().atMost(WAIT).until(() -> conversations.get(ws, conversation.id()).assigneeId(), a -> a != null);
            assertThat(conversations.get(ws, conversation.id()).assigneeId()).isEqualTo(boris.id().value());
        }
        assertThat(shop.openChats(ws, anna.id())).isEqualTo(2);
        assertThat(shop.openChats(ws, boris.id())).isEqualTo(2);
    }

    @Test
    void aChatWaitsWhileEveryoneIsFullAndTheMostUrgentIsPickedUpWhenSomeoneFreesUp() {
        var tenant = workspaces.create("Очередь");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.ROUND_ROBIN);
        var anna = shop.operator(tenant, team, OperatorStatus.ONLINE, 1);
        var first = shop.write(ws, "q-1", "Первый");
        await().atMost(WAIT).until(() -> conversations.get(ws, first.id()).assigneeId() != null);
        var second = shop.write(ws, "q-2", "Второй");
        var third = shop.write(ws, "q-3", "Третий, срочно");
        triage.setPriority(shop.admin(tenant), third.id(), Priority.URGENT);

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> shop.openChats(ws, anna.id()) == 1);
        assertThat(conversations.get(ws, second.id()).assigneeId()).isNull();
        assertThatThrownBy(() -> assignments.assign(shop.admin(tenant), second.id(), anna.id()))
                .hasMessageContaining("no room");

        conversations.setStatus(shop.actorOf(anna), first.id(), ConversationStatus.RESOLVED);
        await().atMost(WAIT).until(() -> anna.id().value().equals(conversations.get(ws, third.id()).assigneeId()));
        assertThat(conversations.get(ws, second.id()).assigneeId()).isNull();

        var boris = shop.operator(tenant, team, OperatorStatus.ONLINE, 1);
        await().atMost(WAIT).until(() -> boris.id().value().equals(conversations.get(ws, second.id()).assigneeId()));
    }

    @Test
    void manyCustomersAtOnceNeverPushAnOperatorPastCapacity() throws Exception {
        var tenant = workspaces.create("Наплыв");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.LEAST_BUSY);
        var operators = List.of(shop.operator(tenant, team, OperatorStatus.ONLINE, 2),
                shop.operator(tenant, team, OperatorStatus.ONLINE, 3), shop.operator(tenant, team, OperatorStatus.ONLINE, 1));
        var maxSeen = new ConcurrentHashMap<UserId, Integer>();
        var sampling = new AtomicBoolean(true);
        try (var pool = Executors.newFixedThreadPool(6)) {
            pool.submit(() -> {
                while (sampling.get()) {
                    operators.forEach(o -> maxSeen.merge(o.id(), shop.openChats(ws, o.id()), Math::max));
                }
            });
            var writes = IntStream.range(0, 14).mapToObj(i -> pool.submit(() -> shop.write(ws, "rush-" + i, "Наплыв " + i))).toList();
            for (var write : writes) {
                write.get();
            }
            await().atMost(WAIT).until(() -> operators.stream().mapToInt(o -> shop.openChats(ws, o.id())).sum() == 6);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> operators.stream().mapToInt(o -> shop.openChats(ws, o.id())).sum() == 6);
            sampling.set(false);
        }

        assertThat(maxSeen).isEqualTo(Map.of(operators.get(0).id(), 2, operators.get(1).id(), 3, operators.get(2).id(), 1));
        assertThat(conversations.list(ws, ConversationStatus.OPEN, 100)).filteredOn(c -> c.assigneeId() == null).hasSize(8);
    }
}
