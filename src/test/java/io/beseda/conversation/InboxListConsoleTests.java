package io.beseda.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox list: tabs, filters in the address, the viewer's unread counts, and the rows the page redraws live. */
@BesedaTest
class InboxListConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    Conversations conversations;

    @Test
    void tabsSplitMineUnassignedAndAllAndCountThem() {
        var tenant = workspaces.create("Вкладки");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var mine = fixtures.customerWrites(tenant, Channel.TELEGRAM, "mine", "Мой вопрос");
        var waiting = fixtures.customerWrites(tenant, Channel.TELEGRAM, "waiting", "Никто не ответил");
        var withBot = fixtures.customerWrites(tenant, Channel.TELEGRAM, "bot", "Бот, помоги");
        fixtures.assign(mine, operator.id().value());
        fixtures.set(withBot, "status", "PENDING");
        var session = ConsoleSession.signIn(port, operator.email());

        var mineTab = session.get("/inbox?tab=mine").body();
        assertThat(rows(mineTab)).containsExactly(mine);
        assertThat(count(mineTab, "mine")).isEqualTo(1);
        assertThat(count(mineTab, "unassigned")).isEqualTo(1);
        assertThat(count(mineTab, "all")).isEqualTo(3);
        assertThat(rows(session.get("/inbox?tab=unassigned").body())).containsExactly(waiting);
        assertThat(rows(session.get("/inbox?tab=all").body())).containsExactlyInAnyOrder(mine, waiting, withBot);
    }

    @Test
    void withoutAnOperatorPutsOverdueThenUrgentFirst() {
        var tenant = workspaces.create("Очередь");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var overdue = fixtures.customerWrites(tenant, Channel.TELEGRAM, "overdue", "Жду уже час");
        var urgent = fixtures.customerWrites(tenant, Channel.TELEGRAM, "urgent", "Срочно");
        var latest = fixtures.customerWrites(tenant, Channel.TELEGRAM, "latest", "Просто вопрос");
        fixtures.breached(overdue, Duration.ofMinutes(75));
        fixtures.set(urgent, "priority", "URGENT");

        var page = ConsoleSession.signIn(port, operator.email()).get("/inbox?tab=unassigned").body();

        assertThat(rows(page)).containsExactly(overdue, urgent, latest);
        assertThat(row(page, overdue)).contains("sla-flag breached").contains("просрочено на 1 ч 15 мин");
        assertThat(row(page, urgent)).contains("срочный");
        assertThat(rows(ConsoleSession.signIn(port, operator.email()).get("/inbox?tab=all").body()))
                .as("other tabs: latest message first").containsExactly(latest, urgent, overdue);
    }

    @Test
    void filtersByChannelLabelTeamAndStatusInTheAddress() {
        var tenant = workspaces.create("Фильтры");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var vk = fixtures.customerWrites(tenant, Channel.VK, "vk", "Верните деньги");
        var telegram = fixtures.customerWrites(tenant, Channel.TELEGRAM, "tg", "Спасибо!");
        var returns = fixtures.team(tenant, "Возвраты");
        fixtures.labels(vk, "возврат", "vip");
        fixtures.set(vk, "team_id", returns);
        fixtures.set(telegram, "status", "RESOLVED");
        var session = ConsoleSession.signIn(port, operator.email());

        assertThat(rows(session.get("/inbox?tab=all&channel=VK").body())).containsExactly(vk);
        assertThat(rows(session.get("/inbox?tab=all&label=%D0%B2%D0%BE%D0%B7%D0%B2%D1%80%D0%B0%D1%82").body())).containsExactly(vk);
        assertThat(rows(session.get("/inbox?tab=all&team=" + returns).body())).containsExactly(vk);
        assertThat(rows(session.get("/inbox?tab=all&team=" + UUID.randomUUID()).body())).isEmpty();
        assertThat(rows(session.get("/inbox?tab=all").body())).as("resolved ones are hidden by default").containsExactly(vk);
        var resolved = session.get("/inbox?tab=all&status=RESOLVED&channel=TELEGRAM").body();
        assertThat(rows(resolved)).containsExactly(telegram);
        assertThat(resolved).as("tab links keep the filters").contains("/inbox?tab=mine&amp;status=RESOLVED&amp;channel=TELEGRAM");
        assertThat(row(session.get("/inbox?tab=all").body(), vk)).contains("возврат").contains("vip").contains("Возвраты");
    }

    @Test
    void unreadCountsAreTheViewersOwn() {
        var tenant = workspaces.create("Непрочитанные");
        var anna = workspaces.addUser(tenant, Role.OPERATOR);
        var boris = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = fixtures.customerWrites(tenant, Channel.TELEGRAM, "olga", "Здравствуйте");
        fixtures.customerWrites(tenant, Channel.TELEGRAM, "olga", "Есть размер 38?");
        var annaSession = ConsoleSession.signIn(port, anna.email());
        var borisSession = ConsoleSession.signIn(port, boris.email());

        assertThat(unread(annaSession.get("/inbox").body(), conversation)).isEqualTo(2);
        assertThat(annaSession.get("/inbox/" + conversation).statusCode()).isEqualTo(200);
        assertThat(unread(annaSession.get("/inbox").body(), conversation)).isZero();
        assertThat(unread(borisSession.get("/inbox").body(), conversation)).isEqualTo(2);

        fixtures.customerWrites(tenant, Channel.TELEGRAM, "olga", "И 39?");
        assertThat(unread(annaSession.get("/inbox").body(), conversation)).isEqualTo(1);
        assertThat(annaSession.postFragment("/inbox/" + conversation + "/read", Map.of()).statusCode()).isEqualTo(204);
        assertThat(unread(annaSession.get("/inbox").body(), conversation)).isZero();
    }

    @Test
    void theRowsFragmentRedrawsAskedRowsThatStillBelongToTheTab() {
        var tenant = workspaces.create("Фрагмент строк");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var taken = fixtures.customerWrites(tenant, Channel.TELEGRAM, "taken", "Уже взяли");
        var waiting = fixtures.customerWrites(tenant, Channel.TELEGRAM, "waiting", "Жду <b>ответа</b>");
        var other = fixtures.customerWrites(tenant, Channel.TELEGRAM, "other", "Не спрашивали");
        fixtures.assign(taken, operator.id().value());

        var fragment = ConsoleSession.signIn(port, operator.email())
                .get("/inbox/rows?tab=unassigned&ids=" + taken + "&ids=" + waiting).body();

        assertThat(rows(fragment)).containsExactly(waiting);
        assertThat(fragment).doesNotContain(other.toString()).contains("id=\"inbox-tabs\"")
                .contains("Жду &lt;b&gt;ответа&lt;/b&gt;").doesNotContain("<b>ответа");
        assertThat(count(fragment, "unassigned")).isEqualTo(2);
    }

    private static final Pattern ROW = Pattern.compile("id=\"row-([0-9a-f-]{36})\"");

    static java.util.List<UUID> rows(String html) {
        return ROW.matcher(html).results().map(m -> UUID.fromString(m.group(1))).toList();
    }

    static String row(String html, UUID conversation) {
        var start = html.indexOf("id=\"row-" + conversation + "\"");
        assertThat(start).as("row of " + conversation).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static long unread(String html, UUID conversation) {
        var badge = Pattern.compile("class=\"unread-badge\"[^>]*>(\\d+)<").matcher(row(html, conversation));
        return badge.find() ? Long.parseLong(badge.group(1)) : 0;
    }

    private static long count(String html, String tab) {
        var matcher = Pattern.compile("data-tab=\"" + tab + "\"[^>]*>.*?class=\"count\">(\\d+)<", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("tab " + tab).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
