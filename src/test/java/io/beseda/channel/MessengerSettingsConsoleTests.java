package io.beseda.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

/** Настройки → Мессенджеры, with the sandbox provider: connect, check, register, keep a secret, switch off. */
@BesedaTest
class MessengerSettingsConsoleTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;

    @Test
    void an_admin_connects_checks_and_switches_off_a_messenger_and_the_secret_is_kept_but_never_shown() {
        var shop = workspaces.create("Мессенджеры");
        var ws = shop.workspace().id();
        var owner = ConsoleSession.signIn(port, shop.owner().email());
        var page = owner.get("/settings/messengers");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-provider=\"sandbox\"", "Секрет вебхука", "Пока ни одного мессенджера");

        var created = owner.postFragment("/settings/messengers", Map.of("provider", "sandbox", "name", "<b>ВК песочница</b>",
                "channel", "VK", "setting.webhookSecret", "s3cr3t-value"));
        assertThat(created.statusCode()).isEqualTo(302);
        var location = java.net.URI.create(Http.location(created)).getPath();
        assertThat(location).startsWith("/settings/messengers/");
        var account = accounts.list(ws).stream().filter(a -> a.provider().equals("sandbox")).findFirst().orElseThrow();
        assertThat(account.channel()).isEqualTo(io.beseda.consent.Channel.VK);

        var shown = owner.get(location).body();
        assertThat(shown).contains("/webhooks/sandbox/" + account.id(), "ещё не было", "ошибок не было", "сохранён — оставьте пустым")
                .contains("&lt;b&gt;ВК песочница&lt;/b&gt;").doesNotContain("s3cr3t-value").doesNotContain("<b>ВК песочница</b>");

        owner.postFragment(location + "/test", Map.of());
        assertThat(owner.get(location).body()).contains("Получилось:", "Песочница на связи");
        owner.postFragment(location + "/webhook", Map.of());
        assertThat(owner.get(location).body()).contains("X-Sandbox-Signature");

        owner.postFragment(location, Map.of("name", "ВК", "setting.webhookSecret", ""));
        assertThat(accounts.find(ws, account.id()).orElseThrow().settings()).containsEntry("webhookSecret", "s3cr3t-value");
        assertThat(accounts.find(ws, account.id()).orElseThrow().name()).isEqualTo("ВК");

        owner.postFragment(location + "/enabled", Map.of("enabled", "false"));
        assertThat(accounts.isEnabled(ws, account.id())).isFalse();
        assertThat(owner.get(location).body()).contains("выключен: ничего не отправляет");
    }

    @Test
    void an_account_needs_a_name_and_a_channel_and_operators_may_not_touch_it() {
        var shop = workspaces.create("Мессенджеры без имени");
        var owner = ConsoleSession.signIn(port, shop.owner().email());
        owner.postFragment("/settings/messengers", Map.of("provider", "sandbox", "name", "", "channel", "VK"));
        assertThat(owner.get("/settings/messengers").body()).contains("Название — от 1 до 100 знаков");
        owner.postFragment("/settings/messengers", Map.of("provider", "sandbox", "name", "Без канала"));
        assertThat(owner.get("/settings/messengers").body()).contains("Выберите канал");
        assertThat(accounts.list(shop.workspace().id())).noneMatch(a -> a.provider().equals("sandbox"));
        assertThat(owner.postFragment("/settings/messengers", Map.of("provider", "pigeon", "name", "x")).statusCode()).isEqualTo(404);

        var operator = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.OPERATOR).email());
        assertThat(operator.get("/settings/messengers").statusCode()).isEqualTo(403);
    }
}
