package io.beseda.channel;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.consent.Channel;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class AccountSecretsTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCredentialIsStoredEncryptedAndReadBackForTheConnectorOnly() {
        var ws = workspaces.create("Секреты").workspace().id();

        var account = accounts.add(ws, Channel.VK, "sandbox", "ВК", Map.of("webhookSecret", "vk-secret-123"), 10);

        var stored = jdbc.sql("select settings::text from channel_account where id = ?").param(account.id()).query(String.class).single();
        assertThat(stored).doesNotContain("vk-secret-123").contains("encrypted");
        assertThat(accounts.find(ws, account.id()).orElseThrow().settings()).containsEntry("webhookSecret", "vk-secret-123");
        assertThat(accounts.redactedSettings(account).get("webhookSecret")).isEqualTo("••••••");
    }

    @Test
    void aCiphertextCopiedToAnotherAccountDoesNotDecrypt() {
        var ws = workspaces.create("Копия секрета").workspace().id();
        var first = accounts.add(ws, Channel.VK, "sandbox", "Первый", Map.of("webhookSecret", "first-secret"), 10);
        var second = accounts.add(ws, Channel.VK, "sandbox", "Второй", Map.of("webhookSecret", "second-secret"), 10);

        jdbc.sql("update channel_account set settings = (select settings from channel_account where id = ?) where id = ?")
                .params(first.id(), second.id()).update();

        assertThatThrownBy(() -> accounts.find(ws, second.id())).hasMessageContaining("does not decrypt");
    }

    @Test
    void settingsThatDoNotFitTheProviderAreRefused() {
        var ws = workspaces.create("Кривые настройки").workspace().id();

        assertThatThrownBy(() -> accounts.add(ws, Channel.VK, "sandbox", "ВК", Map.of("webhookSecret", Map.of("x", 1)), 10))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("channel.settings.invalid"));
        assertThatThrownBy(() -> accounts.add(ws, Channel.VK, "no-such-provider", "ВК", Map.of(), 10))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("channel.provider.unknown"));
    }
}
