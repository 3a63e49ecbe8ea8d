package io.beseda.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;


import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A customer writes in Telegram, an operator answers through the API, the answer reaches the customer. */
@BesedaTest
class ConversationFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Conversations conversations;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DataSource dataSource;

    @Test
    void theCustomersMessageStartsAThreadAndTheReplyGoesBackToTheirChannel() {
        var tenant = workspaces.create("Диалоги");
        var ws = tenant.workspace().id();
        accounts.add(ws, Channel.TELEGRAM, "sandbox", "Бот", Map.of(), 10);
        write(ws, "tg-1", "Где мой заказ №15?");

        var thread = await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(ws, null, 10), list -> list.size() == 1).getFirst();
        assertThat(thread.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(thread.lastChannel()).isEqualTo(Channel.TELEGRAM);

        var api = Http.api(port);
        assertThat(api.call("POST", "/api/v1/conversations/" + thread.id() + "/replies", tenant.apiKey(),
                "{\"text\": \"Заказ №15 у курьера, будет сегодня до 18:00\"}").statusCode()).isEqualTo(201);
        assertThat(api.call("POST", "/api/v1/conversations/" + thread.id() + "/notes", tenant.apiKey(),
                "{\"text\": \"Клиент нервничает, проверить курьера\"}").statusCode()).isEqualTo(201);
        dispatcher.dispatchDue();

        assertThat(sandbox(ws)).containsExactly("Заказ №15 у курьера, будет сегодня до 18:00");
        assertThat(conversations.messages(ws, thread.id())).extracting(ConversationMessage::direction)
                .containsExactly(ConversationMessage.Direction.IN, ConversationMessage.Direction.OUT, ConversationMessage.Direction.NOTE);
    }

    @Test
    void aResolvedThreadReopensWhenTheCustomerWritesAgainAndARedeliveryIsAppendedOnce() {
        var tenant = workspaces.create("Повторное обращение");
        var ws = tenant.workspace().id();
        write(ws, "tg-2", "Добрый день");
        var thread = await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(ws, null, 10), list -> list.size() == 1).getFirst();
        Http.api(port).call("POST", "/api/v1/conversations/" + thread.id() + "/status", tenant.apiKey(), "{\"status\": \"RESOLVED\"}");

        write(ws, "tg-3", "Ещё вопрос");
        write(ws, "tg-3", "Ещё вопрос");

        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(ws, thread.id()).status() == ConversationStatus.OPEN);
        // The customer's two messages; resolving also asked for a CSAT rating (an OUT message).
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.messages(ws, thread.id()).stream()
                .filter(m -> m.direction() == ConversationMessage.Direction.IN).count() == 2);
        assertThat(conversations.messages(ws, thread.id())).extracting(ConversationMessage::direction).containsExactly(
                ConversationMessage.Direction.IN, ConversationMessage.Direction.OUT, ConversationMessage.Direction.IN);
        assertThat(conversations.list(ws, null, 10)).hasSize(1);
    }

    private void write(WorkspaceId ws, String providerId, String text) {
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, providerId + "-" + ws, Identity.of(IdentityKind.TELEGRAM, "tg-user-" + ws),
                "Покупатель", text, List.of(), null, Instant.now()));
    }

    private List<String> sandbox(WorkspaceId ws) {
        return JdbcClient.create(dataSource).sql("select body from sandbox_message where workspace_id = ?").param(ws.value())
                .query(String.class).list();
    }

}
