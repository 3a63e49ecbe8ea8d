package io.beseda.channel.webchat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Web chat: an admin creates a site's chat, edits it, sees the secret once and rotates it. */
@BesedaTest
class WebChatSettingsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WebChatAccounts accounts;

    @Test
    void anOwnerCreatesAChatCopiesTheLineAndTheSecretOnceAndEditsIt() {
        var tenant = workspaces.create("Настройки чата");
        var ws = tenant.workspace().id();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
        assertThat(console.get("/settings/users").body()).contains("href=\"/settings/webchat\"");

        var created = console.submit("/settings/webchat", "/settings/webchat", Map.of("name", "shop.example"));
        assertThat(created.statusCode()).isEqualTo(302);
        var chat = accounts.list(ws).getFirst();
        assertThat(Http.location(created)).endsWith("/settings/webchat/" + chat.id());

        var page = console.get("/settings/webchat/" + chat.id()).body();
        assertThat(page).contains("/widget/beseda-chat.js&quot; data-token=&quot;" + chat.settings().inboxToken() + "&quot; async&gt;&lt;/script&gt;")
                .contains(chat.settings().identitySecret()).contains("HMAC-SHA256");
        assertThat(console.get("/settings/webchat/" + chat.id()).body()).as("the secret is shown once")
                .doesNotContain(chat.settings().identitySecret());

        var saved = console.submit("/settings/webchat/" + chat.id(), "/settings/webchat/" + chat.id(), Map.of("name", "shop.example",
                "greeting", "Привет!", "consentText", "Согласен на обработку ПДн", "telegram", "https://t.me/shop_bot",
                "allowedOrigins", "https://shop.example/\nhttps://*.shop.example"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var settings = accounts.get(ws, chat.id()).settings();
        assertThat(settings.greeting()).isEqualTo("Привет!");
        assertThat(settings.links()).containsExactly(Map.entry(Channel.TELEGRAM, "https://t.me/shop_bot"));
        assertThat(settings.allowedOrigins()).containsExactly("https://shop.example", "https://*.shop.example");
        assertThat(settings.consentVersion()).startsWith("webchat-");
        assertThat(settings.identitySecret()).as("editing keeps the secret").isEqualTo(chat.settings().identitySecret());

        console.submit("/settings/webchat/" + chat.id(), "/settings/webchat/" + chat.id(), Map.of("name", "shop.example",
                "telegram", "javascript:alert(1)"));
        assertThat(console.get("/settings/webchat/" + chat.id()).body()).contains("https://t.me/shop_bot")
                .contains("Ссылка на мессенджер должна начинаться с https://");

        var rotated = console.submit("/settings/webchat/" + chat.id(), "/settings/webchat/" + chat.id() + "/secret", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(302);
        var secret = accounts.get(ws, chat.id()).settings().identitySecret();
        assertThat(secret).isNotEqualTo(chat.settings().identitySecret()).matches(Pattern.compile("wcs_[A-Za-z0-9_-]{40,}"));
    }

    @Test
    void operatorsCannotOpenTheSettings() {
        var tenant = workspaces.create("Операторы");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var console = Http.console(port);
        console.signIn(operator.email(), TestWorkspaces.PASSWORD);
        assertThat(console.get("/settings/webchat").statusCode()).isEqualTo(403);
        assertThat(console.get("/settings/webchat/" + UUID.randomUUID()).statusCode()).isEqualTo(403);
    }
}
