package io.beseda.channel.vk;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

/** «Проверить подключение» and the registration of Beseda's Callback API server with the community's token. */
@BesedaTest
@TestPropertySource(properties = "beseda.channel.vk.base-url=${" + VkStandIn.PROPERTY + "}")
class VkConnectionTests {

    @RegisterExtension
    static final VkStandIn vk = VkStandIn.shared();

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    VkConnectorFactory factory;

    @Autowired
    WebhookUrls webhooks;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private URI webhook;

    @BeforeEach
    void aCommunityWithoutItsConfirmationString() {
        workspace = workspaces.create("ВК подключение").workspace().id();
        account = accounts.add(workspace, Channel.VK, VkConnectorFactory.PROVIDER, "Сообщество", Map.of("groupId", VkStandIn.GROUP,
                "accessToken", VkStandIn.TOKEN, "callbackSecret", VkStandIn.SECRET), 20);
        webhook = webhooks.forAccount(account);
    }

    @Test
    void theCheckNamesTheCommunityTheTokenBelongsTo() {
        vk.method("groups.getById", "{\"groups\": [{\"id\": " + VkStandIn.GROUP + ", \"name\": \"Магазин «Северный ветер»\", "
                + "\"screen_name\": \"severveter\", \"is_closed\": 0, \"type\": \"group\"}], \"profiles\": []}");

        var result = factory.test(account);

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).contains("Магазин «Северный ветер»").contains(Long.toString(VkStandIn.GROUP));
        assertThat(vk.calls("groups.getById")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("access_token", VkStandIn.TOKEN).containsEntry("v", "5.199");
            assertThat(call).doesNotContainKey("group_id");
        });
    }

    @Test
    void theCheckSaysWhenTheTokenIsAnotherCommunitysOrRevoked() {
        vk.method("groups.getById", "{\"groups\": [{\"id\": 1, \"name\": \"Чужое сообщество\"}], \"profiles\": []}");
        var another = factory.test(account);
        vk.error("groups.getById", 5, "User authorization failed: invalid access_token (4).");
        var revoked = factory.test(account);

        assertThat(another.ok()).isFalse();
        assertThat(another.message()).contains("Чужое сообщество").contains(Long.toString(VkStandIn.GROUP));
        assertThat(revoked.ok()).isFalse();
        assertThat(revoked.message()).contains("не принимает ключ");
    }

    @Test
    void registersBesedasServerWithTheSecretAndTheMessageEventsAndKeepsTheConfirmationString() {
        vk.method("groups.getCallbackServers", "{\"count\": 1, \"items\": [{\"id\": 3, \"title\": \"CRM\", "
                + "\"creator_id\": 1, \"url\": \"https://crm.example/vk\", \"secret_key\": \"x\", \"status\": \"ok\"}]}");
        vk.method("groups.addCallbackServer", "{\"server_id\": 4}");
        vk.method("groups.setCallbackSettings", "1");

        var result = factory.registerWebhook(account, webhook);

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(vk.calls("groups.addCallbackServer")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("group_id", Long.toString(VkStandIn.GROUP)).containsEntry("url", webhook.toString())
                    .containsEntry("secret_key", VkStandIn.SECRET).containsEntry("title", "Beseda");
        });
        assertThat(vk.calls("groups.editCallbackServer")).as("the shop's other server is left alone").isEmpty();
        assertThat(vk.calls("groups.setCallbackSettings")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("server_id", "4").containsEntry("api_version", "5.199");
            VkCallbackServers.EVENTS.forEach(event -> assertThat(call).containsEntry(event, "1"));
            assertThat(call).doesNotContainKey("wall_post_new");
        });
        assertThat(accounts.find(workspace, account.id()).orElseThrow().settings())
                .containsEntry("confirmationCode", VkStandIn.CONFIRMATION).containsEntry("callbackSecret", VkStandIn.SECRET);
    }

    @Test
    void bringsTheServerAtBesedasAddressUpToDateInsteadOfAddingAnother() {
        vk.method("groups.getCallbackServers", "{\"count\": 1, \"items\": [{\"id\": 9, \"title\": \"Beseda\", \"creator_id\": 1, "
                + "\"url\": \"" + webhook + "\", \"secret_key\": \"oldSecret\", \"status\": \"failed\"}]}");
        vk.method("groups.editCallbackServer", "1");
        vk.method("groups.setCallbackSettings", "1");

        var result = factory.registerWebhook(account, webhook);

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(vk.calls("groups.addCallbackServer")).isEmpty();
        assertThat(vk.calls("groups.editCallbackServer")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("server_id", "9").containsEntry("secret_key", VkStandIn.SECRET));
        assertThat(vk.calls("groups.setCallbackSettings")).singleElement().satisfies(call -> assertThat(call).containsEntry("server_id", "9"));
    }

    @Test
    void saysWhatToFillInByHandWhenTheTokenMayNotManageTheCommunity() {
        vk.error("groups.getCallbackConfirmationCode", 15, "Access denied: no access to call this method");

        var result = factory.registerWebhook(account, webhook);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("вручную").contains(webhook.toString()).contains("Callback API").contains("5.199")
                .contains("Строка подтверждения");
        assertThat(vk.calls("groups.addCallbackServer")).isEmpty();
    }
}
