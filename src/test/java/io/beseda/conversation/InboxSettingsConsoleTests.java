package io.beseda.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;

/** Настройки → Входящие: the page shows each inbox's hours as the form edits them, and saving them keeps them. */
@BesedaTest
class InboxSettingsConsoleTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    InboxSettings inboxSettings;
    @Autowired
    Inboxes inboxes;

    @Test
    void an_admin_sets_business_hours_and_sees_them_on_the_page() {
        var shop = workspaces.create("Часы работы");
        var ws = shop.workspace().id();
        var owner = ConsoleSession.signIn(port, shop.owner().email());
        var page = owner.get("/settings/inboxes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"hours.MONDAY\"");

        var inbox = inboxes.defaultInbox(ws);
        var form = new HashMap<String, String>();
        form.put("name", "Основные");
        form.put("timeZone", "Europe/Moscow");
        form.put("hours.MONDAY", "09:00-13:00, 14:00-18:00");
        form.put("outOfOfficeText", "Мы ответим утром");
        assertThat(owner.postFragment("/settings/inboxes/" + inbox, form).statusCode()).isEqualTo(302);
        assertThat(inboxSettings.get(ws, inbox).businessHours().on(java.time.DayOfWeek.MONDAY)).hasSize(2);
        assertThat(owner.get("/settings/inboxes").body()).contains("value=\"09:00-13:00, 14:00-18:00\"");
    }
}
