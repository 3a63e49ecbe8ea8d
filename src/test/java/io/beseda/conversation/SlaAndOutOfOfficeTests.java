package io.beseda.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SLA clock runs in business hours only; out of hours the customer gets the auto-reply once a day. */
@BesedaTest
class SlaAndOutOfOfficeTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final BusinessHours WEEKDAYS = weekdays();

    @Autowired
    Shop shop;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    SlaReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anAnswerDueAfterClosingTimeBreachesOnlyAfterTheNextMorningsOpenMinutes() {
        var tenant = workspaces.create("SLA");
        var ws = tenant.workspace().id();
        openWeekdays(tenant, null);
        // Friday 17:50 in Moscow: 10 open minutes today, the other 20 on Monday from 09:00.
        var conversation = shop.write(ws, "sla-1", "Где заказ?", null, Instant.parse("2025-03-07T14:50:00Z"));
        var due = Instant.parse("2025-03-10T06:20:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> due.equals(conversations.get(ws, conversation.id()).responseDueAt()));

        var clock = new MutableClock(Instant.parse("2025-03-10T06:19:00Z"));
        var monitor = new SlaMonitor(jdbc, transactions, events, clock);
        monitor.pass();
        assertThat(conversations.get(ws, conversation.id()).slaBreachedAt()).as("Monday 09:19, a minute left").isNull();

        clock.now = Instant.parse("2025-03-10T06:21:00Z");
        monitor.pass();
        assertThat(conversations.get(ws, conversation.id()).slaBreachedAt()).isEqualTo(clock.now);
        var report = reports.breaches(ws, Instant.parse("2025-03-10T00:00:00Z"), Instant.parse("2025-03-11T00:00:00Z"));
        assertThat(report.total()).isEqualTo(1);
        assertThat(report.byOperator()).singleElement().satisfies(c -> assertThat(c.firstResponse()).isEqualTo(1));

        monitor.pass();
        assertThat(reports.breaches(ws, Instant.parse("2025-03-10T00:00:00Z"), Instant.parse("2025-03-11T00:00:00Z")).total())
                .as("one breach per wait").isEqualTo(1);
    }

    @Test
    void aReplyEndsTheWaitAndTheNextMessageStartsANextResponseWait() {
        var tenant = workspaces.create("SLA ответ");
        var ws = tenant.workspace().id();
        var team = shop.team(tenant, AssignmentMode.MANUAL);
        shop.teams.update(shop.admin(tenant), team.id(), new TeamSettings("Поддержка", AssignmentMode.MANUAL, 60, 10));
        var conversation = shop.write(ws, "sla-2", "Здравствуйте");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(ws, conversation.id()).waitingSince() != null);
        var first = conversations.get(ws, conversation.id());
        assertThat(Duration.between(first.waitingSince(), first.responseDueAt())).isEqualTo(Duration.ofMinutes(60));

        conversations.note(shop.admin(tenant), conversation.id(), "Заметка не ответ");
        assertThat(conversations.get(ws, conversation.id()).waitingSince()).isNotNull();
        conversations.reply(shop.admin(tenant), conversation.id(), "Добрый день!");
        assertThat(conversations.get(ws, conversation.id()).waitingSince()).isNull();
        assertThat(conversations.get(ws, conversation.id()).responseDueAt()).isNull();

        shop.write(ws, "sla-2", "Ещё вопрос");
        var next = await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(ws, conversation.id()), c -> c.waitingSince() != null);
        assertThat(Duration.between(next.waitingSince(), next.responseDueAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void outOfHoursTheAutoReplyGoesOncePerConversationPerDay() {
        var tenant = workspaces.create("Автоответ");
        var ws = tenant.workspace().id();
        openWeekdays(tenant, "Мы работаем по будням с 9 до 18, ответим утром.");
        // Saturday and Sunday in Moscow
        var conversation = shop.write(ws, "ooo-1", "Суббота, первое", null, Instant.parse("2025-03-08T09:00:00Z"));
        shop.write(ws, "ooo-1", "Суббота, второе", null, Instant.parse("2025-03-08T10:00:00Z"));
        shop.write(ws, "ooo-1", "Воскресенье", null, Instant.parse("2025-03-09T10:00:00Z"));
        shop.write(ws, "ooo-1", "Понедельник, рабочее время", null, Instant.parse("2025-03-10T08:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> autoReplies(ws, conversation.id()).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> autoReplies(ws, conversation.id()).size() == 2);
        assertThat(autoReplies(ws, conversation.id())).allSatisfy(m -> {
            assertThat(m.text()).isEqualTo("Мы работаем по будням с 9 до 18, ответим утром.");
            assertThat(m.author()).isEqualTo("Автоответ");
            assertThat(m.outboundMessageId()).isNotNull();
        });
        assertThat(conversations.get(ws, conversation.id()).waitingSince()).as("an auto-reply is not an answer").isNotNull();
    }

    private List<ConversationMessage> autoReplies(io.beseda.workspace.WorkspaceId ws, java.util.UUID conversation) {
        return conversations.messages(ws, conversation).stream().filter(m -> m.direction() == ConversationMessage.Direction.OUT).toList();
    }

    private void openWeekdays(Tenant tenant, String outOfOffice) {
        var ws = tenant.workspace().id();
        var inbox = shop.inboxSettings.get(ws, shop.inboxes.defaultInbox(ws));
        shop.inboxSettings.update(shop.admin(tenant), inbox.id(), new InboxChange(inbox.name(), null, MOSCOW, WEEKDAYS, outOfOffice));
    }

    private static BusinessHours weekdays() {
        var week = new EnumMap<DayOfWeek, List<BusinessHours.Interval>>(DayOfWeek.class);
        for (var day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(BusinessHours.Interval.of("09:00", "18:00")));
        }
        return new BusinessHours(week);
    }
}
