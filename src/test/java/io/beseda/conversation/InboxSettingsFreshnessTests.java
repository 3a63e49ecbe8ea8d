package io.beseda.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inbox settings are read through a short-lived cache on the path of every customer message (decision 0013). */
@BesedaTest
class InboxSettingsFreshnessTests {

    /** beseda.conversation.settings-cache-ttl */
    private static final Duration TTL = Duration.ofSeconds(5);

    @Autowired
    Shop shop;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelAccounts accounts;

    @Test
    void anOutOfOfficeTextSetOnThisNodeAnswersTheVeryNextMessage() {
        var tenant = workspaces.create("Свежие настройки");
        var ws = tenant.workspace().id();
        // Saturday in Moscow: the inbox is read (and kept) while it has no hours and no auto-reply yet.
        var conversation = shop.write(ws, "fresh-1", "Первое", null, Instant.parse("2025-03-08T09:00:00Z"));
        var inbox = shop.inboxSettings.get(ws, conversation.inboxId());
        assertThat(shop.inboxSettings.recent(ws, inbox.id()).outOfOfficeText()).isNull();

        shop.inboxSettings.update(shop.admin(tenant), inbox.id(),
                new InboxChange(inbox.name(), null, ZoneId.of("Europe/Moscow"), weekdays(), "Ответим в понедельник."));
        shop.write(ws, "fresh-1", "Второе", null, Instant.parse("2025-03-08T10:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.messages(ws, conversation.id()).stream()
                .anyMatch(m -> m.direction() == ConversationMessage.Direction.OUT && m.text().equals("Ответим в понедельник.")));
    }

    @Test
    void aChangeMadeByAnotherNodeIsSeenWithinTheTtl() {
        var tenant = workspaces.create("Другой узел");
        var ws = tenant.workspace().id();
        var inboxId = shop.inboxes.defaultInbox(ws);
        assertThat(shop.inboxSettings.recent(ws, inboxId).outOfOfficeText()).isNull();

        // Another node changes the row: this node learns nothing of it but the TTL.
        jdbc.sql("update inbox set out_of_office_text = 'С другого узла' where workspace_id = ? and id = ?")
                .params(ws.value(), inboxId).update();
        var changed = Instant.now();

        await().atMost(TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> "С другого узла".equals(shop.inboxSettings.recent(ws, inboxId).outOfOfficeText()));
        assertThat(Duration.between(changed, Instant.now())).isLessThanOrEqualTo(TTL.plusSeconds(2));
    }

    @Test
    void anAccountMappedToAnotherInboxSendsTheNextMessageThere() {
        var tenant = workspaces.create("Перенос аккаунта");
        var ws = tenant.workspace().id();
        var account = accounts.add(ws, Channel.VK, "sandbox", "Сообщество", Map.of(), 10).id();
        shop.inboxes.forAccount(ws, account);
        var before = shop.inboxes.forAccount(ws, account);
        var other = shop.inboxSettings.create(shop.admin(tenant),
                new InboxChange("Опт", null, ZoneId.of("Europe/Moscow"), BusinessHours.ALWAYS_OPEN, null));

        shop.inboxSettings.mapAccount(shop.admin(tenant), other.id(), account);

        assertThat(before).isNotEqualTo(other.id());
        assertThat(shop.inboxes.forAccount(ws, account)).isEqualTo(other.id());
    }

    private static BusinessHours weekdays() {
        var week = new EnumMap<DayOfWeek, List<BusinessHours.Interval>>(DayOfWeek.class);
        for (var day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(BusinessHours.Interval.of("09:00", "18:00")));
        }
        return new BusinessHours(week);
    }
}
