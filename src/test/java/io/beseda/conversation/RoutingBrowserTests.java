package io.beseda.conversation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An operator takes a chat, marks it urgent with a label, answers with a canned reply — without a reload. */
@BesedaTest
class RoutingBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    CannedReplies cannedReplies;

    @Autowired
    Conversations conversations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOperatorTakesTheChatTriagesItAndAnswersWithACannedReply() {
        var tenant = workspaces.create("Маршрутизация");
        var ws = tenant.workspace().id();
        accounts.add(ws, Channel.TELEGRAM, "sandbox", "Бот магазина", Map.of(), 10);
        cannedReplies.create(Actor.system(ws, "test"), new CannedReplyDraft("hello", "Приветствие",
                "Здравствуйте, {{ customer.first_name }}! <b>Рады помочь</b>"));
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = fixtures.customerWrites(tenant, Channel.TELEGRAM, "Ольга", "Где мой заказ?");
        jdbc.sql("update customer set name = 'Ольга Смирнова' where id = (select customer_id from conversation where id = ?)")
                .param(conversation).update();
        var page = signedIn(operator.email());
        page.navigate("/inbox/" + conversation);
        assertThat(page.locator("#thread[data-stream=open]")).hasCount(1);
        page.evaluate("window.notReloaded = true");

        page.locator("#take-form button").click();
        assertThat(page.locator("#slot-assignment .assignee")).hasText(operator.displayName());

        page.locator("#priority-form select").selectOption("URGENT");
        page.locator("#priority-form button").click();
        assertThat(page.locator("#slot-priority-labels .priority")).hasText("срочный");

        page.locator("#label-form input[name=label]").fill("Возврат");
        page.locator("#label-form button").click();
        assertThat(page.locator("#slot-priority-labels .labels li span")).hasText("возврат");

        page.locator("#canned-reply").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("/hello — Приветствие"));
        page.locator("#insert-canned").click();
        assertThat(page.locator("#composer-text")).hasValue("Здравствуйте, Ольга! <b>Рады помочь</b>");
        page.locator("#composer-text").press("Enter");
        assertThat(page.locator("#messages li.message.out .text").last()).hasText("Здравствуйте, Ольга! <b>Рады помочь</b>");

        var thread = conversations.get(ws, conversation);
        org.assertj.core.api.Assertions.assertThat(thread.assigneeId()).isEqualTo(operator.id().value());
        org.assertj.core.api.Assertions.assertThat(thread.priority()).isEqualTo(Priority.URGENT);
        org.assertj.core.api.Assertions.assertThat(thread.labels()).containsExactly("возврат");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
    }

    private Page signedIn(String email) {
        return browser.signedIn("http://localhost:" + port, email);
    }
}
