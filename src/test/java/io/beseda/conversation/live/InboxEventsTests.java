package io.beseda.conversation.live;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.CustomerTyping;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationChanged;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.Conversations;
import io.beseda.conversation.MessageAppended;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.ConsoleSession.Event;
import io.beseda.testing.TestDatabase;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's live stream: per workspace, after commit only, fed by every node through NOTIFY. */
@BesedaTest
class InboxEventsTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Conversations conversations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LiveHub hub;

    @Autowired
    PgListener listener;

    @BeforeEach
    void listening() {
        await().atMost(WAIT).until(listener::listening);
    }

    @Test
    void aCustomersMessageReachesTheOperatorsOfItsWorkspaceAndNoOneElse() {
        var a = workspaces.create("Поток А");
        var b = workspaces.create("Поток Б");
        try (var streamA = stream(a); var streamB = stream(b)) {
            var conversationA = write(a, "a-1", "Здравствуйте, где мой заказ?");
            var event = streamA.next(e -> e.name().equals("message"), WAIT);
            assertThat(event.data()).contains("\"conversation\":\"" + conversationA + "\"").contains("\"direction\":\"IN\"")
                    .doesNotContain("заказ");

            var conversationB = write(b, "b-1", "Добрый день");
            streamB.next(e -> e.name().equals("message") && e.data().contains(conversationB.toString()), WAIT);
            assertThat(streamB.seen()).as("B heard nothing of A before its own message")
                    .noneMatch(e -> e.data().contains(conversationA.toString()) || e.data().contains(a.workspace().id().toString()));
        }
    }

    @Test
    void nothingIsShownBeforeCommitAndARollbackShowsNothing() {
        var tenant = workspaces.create("Поток после коммита");
        var ws = tenant.workspace().id();
        var committed = UUID.randomUUID();
        var rolledBack = UUID.randomUUID();
        try (var stream = stream(tenant)) {
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new MessageAppended(ws, committed, UUID.randomUUID(), ConversationMessage.Direction.IN));
                marker(stream, tenant, "inside");
                assertThat(stream.seen()).as("not before commit").noneMatch(e -> e.data().contains(committed.toString()));
            });
            stream.next(e -> e.data().contains(committed.toString()), WAIT);

            transactions.executeWithoutResult(status -> {
                events.publishEvent(new ConversationChanged(ws, rolledBack, ConversationChanged.Change.STATUS));
                status.setRollbackOnly();
            });
            marker(stream, tenant, "after rollback");
            assertThat(stream.seen()).noneMatch(e -> e.data().contains(rolledBack.toString()));
        }
    }

    @Test
    void deliversWhatAnotherNodeNotifiesToThisNodesStreams() throws Exception {
        var tenant = workspaces.create("Поток с другого узла");
        var conversation = UUID.randomUUID();
        try (var stream = stream(tenant);
             var otherNode = DriverManager.getConnection(TestDatabase.url("beseda"), "postgres", "");
             var notify = otherNode.prepareStatement("select pg_notify('beseda_inbox', ?)")) {
            notify.setString(1, "{\"workspace\":\"" + tenant.workspace().id() + "\",\"kind\":\"changed\",\"conversation\":\""
                    + conversation + "\",\"change\":\"ASSIGNMENT\"}");
            notify.executeQuery().close();

            var event = stream.next(e -> e.data().contains(conversation.toString()), WAIT);
            assertThat(event.name()).isEqualTo("changed");
            assertThat(event.data()).contains("\"change\":\"ASSIGNMENT\"");
        }
    }

    @Test
    void aStreamClosedByTheBrowserIsForgotten() {
        var tenant = workspaces.create("Поток закрыт");
        var stream = stream(tenant);
        assertThat(hub.open(tenant.workspace().id())).isEqualTo(1);
        stream.close();

        // A gone browser shows itself on the next write; each poll gives the stream something to write.
        await().atMost(WAIT).untilAsserted(() -> {
            events.publishEvent(new CustomerTyping(tenant.workspace().id(), CustomerId.random(), Channel.WEBCHAT));
            assertThat(hub.open(tenant.workspace().id())).isZero();
        });
    }

    @Test
    void analystsGetNoStream() {
        var tenant = workspaces.create("Поток и аналитик");
        var analyst = workspaces.addUser(tenant, Role.ANALYST);
        var session = ConsoleSession.signIn(port, analyst.email());
        assertThat(session.get("/inbox/events").statusCode()).isEqualTo(403);
    }

    private ConsoleSession.EventStream stream(Tenant tenant) {
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var stream = ConsoleSession.signIn(port, operator.email()).events();
        stream.next(e -> e.name().equals("ready"), WAIT);
        return stream;
    }

    /** Sends a typing event nobody else sends and waits for it: everything published before it has arrived by then. */
    private void marker(ConsoleSession.EventStream stream, Tenant tenant, String what) {
        var customer = CustomerId.random();
        Thread.ofVirtual().start(() -> events.publishEvent(new CustomerTyping(tenant.workspace().id(), customer, Channel.WEBCHAT)));
        stream.next((Event e) -> e.data().contains(customer.toString()), WAIT);
    }

    private UUID write(Tenant tenant, String id, String text) {
        var ws = tenant.workspace().id();
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, id + "-" + tenant.unique(),
                Identity.of(IdentityKind.TELEGRAM, id + "-" + tenant.unique()), null, text, List.of(), null, Instant.now()));
        return await().atMost(WAIT).until(() -> conversations.list(ws, null, 1), l -> !l.isEmpty()).getFirst().id();
    }
}
