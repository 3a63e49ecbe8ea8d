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
import io.beseda.workspace.Role;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator answers a customer from the console's inbox. */
@BesedaTest
class InboxConsoleTests {

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
    void anOperatorSeesTheCustomersMessageAsTextAndAnswersIt() {
        var tenant = workspaces.create("Входящие в консоли");
        var ws = tenant.workspace().id();
        accounts.add(ws, Channel.VK, "sandbox", "Сообщество", Map.of(), 10);
        inbound.receive(ws, new InboundMessage(Channel.VK, "vk-1-" + ws, Identity.of(IdentityKind.VK, "id-" + ws), null,
                "<img src=x onerror=alert(1)> Можно вернуть кеды?", List.of(), null, Instant.now()));
        var thread = await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(ws, null, 5), l -> l.size() == 1).getFirst();
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var console = Http.console(port);
        console.signIn(operator.email(), TestWorkspaces.PASSWORD);

        assertThat(console.get("/inbox").body()).contains("/inbox/" + thread.id());
        assertThat(console.get("/inbox/" + thread.id()).body())
                .contains("&lt;img src=x onerror=alert(1)&gt; Можно вернуть кеды?").doesNotContain("<img src=x");

        var replied = console.submit("/inbox/" + thread.id(), "/inbox/" + thread.id() + "/replies",
                Map.of("text", "Да, в течение 14 дней с чеком"));
        assertThat(location(replied)).endsWith("/inbox/" + thread.id());
        dispatcher.dispatchDue();

        assertThat(JdbcClient.create(dataSource).sql("select body from sandbox_message where workspace_id = ?").param(ws.value())
                .query(String.class).list()).containsExactly("Да, в течение 14 дней с чеком");
    }

    @Test
    void analystsDoNotWorkTheInbox() {
        var tenant = workspaces.create("Аналитики и входящие");
        var analyst = workspaces.addUser(tenant, Role.ANALYST);
        var console = Http.console(port);
        console.signIn(analyst.email(), TestWorkspaces.PASSWORD);

        assertThat(console.get("/inbox").statusCode()).isEqualTo(403);
        assertThat(console.get("/").body()).doesNotContain("href=\"/inbox\"");
    }
}
