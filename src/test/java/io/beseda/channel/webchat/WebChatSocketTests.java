package io.beseda.channel.webchat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Outbox;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.Conversations;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The widget's WebSocket end to end: a visitor writes, the thread appears, the operator's reply comes back. */
@BesedaTest
class WebChatSocketTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WebChatAccounts accounts;

    @Autowired
    Conversations conversations;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Outbox outbox;

    @Autowired
    Customers customers;

    @Autowired
    DataSource dataSource;

    @Test
    void aVisitorsMessageStartsAThreadAndTheOperatorsReplyArrivesOnTheSocket() {
        var chat = chat("Ответы", null, null);
        var ws = chat.workspaceId();
        try (var widget = WidgetClient.hello(port, token(chat), visitor())) {
            assertThat(widget.await("history").get("messages")).isEqualTo(List.of());
            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Есть пуховик 48 размера?"));
            assertThat(widget.await("status").get("status")).isEqualTo("SENT");

            var thread = thread(ws);
            assertThat(thread.lastChannel()).isEqualTo(Channel.WEBCHAT);
            var reply = conversations.reply(Actor.system(ws, "Оператор Анна"), thread.id(), "Да, 48 есть в синем и чёрном");
            dispatcher.dispatchDue();

            var pushed = widget.await("message", f -> "out".equals(f.get("direction")));
            assertThat(pushed.get("text")).isEqualTo("Да, 48 есть в синем и чёрном");
            var id = new MessageId(reply.outboundMessageId());
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(ws, id).orElseThrow().status() == MessageStatus.DELIVERED);

            widget.send(Map.of("type", "read"));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(ws, id).orElseThrow().status() == MessageStatus.READ);
        }
    }

    @Test
    void aReplyToAVisitorWhoIsAwayIsSentAndShowsInTheHistoryOnTheNextVisit() {
        var chat = chat("Ушёл со страницы", null, null);
        var visitor = visitor();
        try (var widget = WidgetClient.hello(port, token(chat), visitor)) {
            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Перезвоните мне"));
            widget.await("status");
        }
        var thread = thread(chat.workspaceId());
        var reply = conversations.reply(Actor.system(chat.workspaceId(), "Оператор"), thread.id(), "Перезвоним в 15:00");
        dispatcher.dispatchDue();
        assertThat(outbox.find(chat.workspaceId(), new MessageId(reply.outboundMessageId())).orElseThrow().status()).isEqualTo(MessageStatus.SENT);

        try (var again = WidgetClient.hello(port, token(chat), visitor)) {
            @SuppressWarnings("unchecked")
            var messages = (List<Map<String, Object>>) again.await("history").get("messages");
            assertThat(messages).extracting(m -> m.get("direction") + ":" + m.get("text"))
                    .containsExactly("in:Перезвоните мне", "out:Перезвоним в 15:00");
            assertThat(messages.getFirst().get("clientId")).isEqualTo("c-1");
        }
    }

    @Test
    void aMessageResentAfterAReconnectIsStoredOnce() {
        var chat = chat("Повторы", null, null);
        var visitor = visitor();
        var message = Map.of("type", "message", "clientId", "c-resend", "text", "Где мой заказ?");
        try (var first = WidgetClient.hello(port, token(chat), visitor)) {
            first.send(message);
            assertThat(first.await("status").get("duplicate")).isEqualTo(false);
        }
        try (var second = WidgetClient.hello(port, token(chat), visitor)) {
            second.send(message);
            assertThat(second.await("status").get("duplicate")).isEqualTo(true);
        }
        assertThat(inboundCount(chat.workspaceId())).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndLinksNothing() {
        var chat = chat("Подписи", null, null);
        var ws = chat.workspaceId();
        var visitor = visitor();
        try (var widget = WidgetClient.hello(port, token(chat), visitor)) {
            widget.send(Map.of("type", "identify", "shopCustomerId", "42", "email", "victim@shop.example",
                    "signature", IdentityProof.sign("not the secret", "42")));
            assertThat(widget.error("identity-signature").get("message").toString()).contains("подпись неверна");
            assertThat(customers.findBy(ws, Identity.of(IdentityKind.SHOP_ID, "42"))).isEmpty();
            assertThat(customers.findBy(ws, Identity.email("victim@shop.example"))).isEmpty();

            widget.send(Map.of("type", "identify", "shopCustomerId", "42", "email", "anna@shop.example",
                    "signature", IdentityProof.sign(chat.settings().identitySecret(), "42")));
            widget.await("ready", f -> Boolean.TRUE.equals(f.get("identified")));
            var customer = customers.findBy(ws, Identity.of(IdentityKind.SHOP_ID, "42")).orElseThrow();
            assertThat(customers.findBy(ws, Identity.of(IdentityKind.VISITOR, visitor))).contains(customer);
            assertThat(customers.findBy(ws, Identity.email("anna@shop.example"))).contains(customer);
        }
    }

    @Test
    void anotherShopCustomerSigningInOnTheSameBrowserDoesNotSeeTheFirstOnesChat() {
        var chat = chat("Общий компьютер", null, null);
        var secret = chat.settings().identitySecret();
        var visitor = visitor();
        try (var widget = WidgetClient.hello(port, token(chat), visitor)) {
            widget.send(Map.of("type", "identify", "shopCustomerId", "first", "signature", IdentityProof.sign(secret, "first")));
            widget.await("ready", f -> Boolean.TRUE.equals(f.get("identified")));
            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Мой адрес: ул. Ленина, 1"));
            widget.await("status");
        }
        try (var widget = WidgetClient.hello(port, token(chat), visitor)) {
            widget.send(Map.of("type", "identify", "shopCustomerId", "second", "signature", IdentityProof.sign(secret, "second")));
            var ready = widget.await("ready", f -> Boolean.TRUE.equals(f.get("identified")));
            assertThat(ready.get("visitorId")).isNotEqualTo(visitor);
            assertThat(widget.frames("history").getLast().get("messages")).isEqualTo(List.of());
        }
        var ws = chat.workspaceId();
        assertThat(customers.findBy(ws, Identity.of(IdentityKind.SHOP_ID, "first")))
                .isNotEqualTo(customers.findBy(ws, Identity.of(IdentityKind.SHOP_ID, "second")));
    }

    @Test
    void anUnknownTokenIsRefusedWithAReason() {
        try (var widget = WidgetClient.connect(port, "wc_unknown", null)) {
            assertThat(widget.error("token-unknown").get("message").toString()).contains("неверный токен");
            assertThat(widget.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void aForeignSiteIsRefusedWhenTheAccountNamesItsSites() {
        var chat = chat("Только свой сайт", null, "https://shop.example\nhttps://*.shop.example");
        try (var foreign = WidgetClient.connect(port, token(chat), "https://evil.example")) {
            foreign.error("origin-forbidden");
            assertThat(foreign.awaitClose()).isEqualTo(4403);
        }
        try (var own = WidgetClient.connect(port, token(chat), "https://m.shop.example")) {
            own.send(Map.of("type", "hello", "visitorId", visitor()));
            own.await("ready");
        }
    }

    @Test
    void malformedAndOversizedFramesGetErrorFramesAndTheConnectionStays() {
        var chat = chat("Кривые кадры", null, null);
        try (var widget = WidgetClient.connect(port, token(chat), null)) {
            widget.send(Map.of("type", "message", "clientId", "c-early", "text", "Привет"));
            widget.error("hello-first");
            widget.send(Map.of("type", "hello", "visitorId", visitor()));
            widget.await("ready");
            widget.sendRaw("это не JSON");
            widget.error("malformed");
            widget.sendRaw("{\"type\": \"message\", \"text\": \"" + "я".repeat(40_000) + "\"}");
            widget.error("frame-too-large");
            widget.send(Map.of("type", "message", "clientId", "c-long", "text", "ы".repeat(4097)));
            assertThat(widget.error("text-too-long").get("clientId")).isEqualTo("c-long");
            widget.send(Map.of("type", "dance"));
            widget.error("unknown-type");
            widget.send(Map.of("type", "ping"));
            widget.await("pong");
            assertThat(widget.open()).isTrue();
        }
        assertThat(inboundCount(chat.workspaceId())).isZero();
    }

    private WebChatAccount chat(String name, String consent, String origins) {
        var tenant = workspaces.create(name);
        return accounts.create(Actor.system(tenant.workspace().id(), "test"), new WebChatForm("Сайт", "Здравствуйте!", consent, Map.of(), origins));
    }

    static String token(WebChatAccount chat) {
        return chat.settings().inboxToken();
    }

    static String visitor() {
        return UUID.randomUUID().toString();
    }

    private Conversation thread(WorkspaceId ws) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(ws, null, 10), list -> list.size() == 1).getFirst();
    }

    private long inboundCount(WorkspaceId ws) {
        return JdbcClient.create(dataSource).sql("select count(*) from inbound_message where workspace_id = ?").param(ws.value())
                .query(Long.class).single();
    }
}
