package io.beseda.channel.vk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** The VK connector passes the connector kit against a stand-in that speaks the VK API and the Callback API. */
@BesedaTest
@TestPropertySource(properties = "beseda.channel.vk.base-url=${" + VkStandIn.PROPERTY + "}")
class VkConformanceTests extends ConnectorConformance {

    @RegisterExtension
    static final VkStandIn vk = VkStandIn.shared();

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    JsonMapper json;

    private long nextMessageId = 700;

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return accounts.add(workspace, Channel.VK, VkConnectorFactory.PROVIDER, "Сообщество ВКонтакте", Map.of(
                "groupId", VkStandIn.GROUP, "accessToken", VkStandIn.TOKEN, "callbackSecret", VkStandIn.SECRET,
                "confirmationCode", VkStandIn.CONFIRMATION), 20);
    }

    /** A VK user id, as VK's {@code from_id} is. */
    @Override
    protected String sender() {
        return Long.toString(100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L));
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        var extra = new java.util.LinkedHashMap<String, Object>();
        extra.put("text", message.text() == null ? "" : message.text());
        if (message.photo() != null) {
            var large = vk.file("/photos/" + message.providerMessageId() + "-w.png", message.photo());
            var small = vk.file("/photos/" + message.providerMessageId() + "-s.png", Arrays.copyOf(message.photo(), 12));
            extra.put("attachments", List.of(Map.of("type", "photo", "photo", Map.of("album_id", -3, "date", 1732363190,
                    "id", 457240001, "owner_id", Long.parseLong(message.from()), "access_key", "d1e2f3", "has_tags", false,
                    "sizes", List.of(Map.of("height", 75, "width", 75, "type", "s", "url", small),
                            Map.of("height", 1280, "width", 960, "type", "w", "url", large)), "text", ""))));
        }
        if (message.buttonPayload() != null) {
            extra.put("payload", json.writeValueAsString(Map.of("button", message.buttonPayload())));
        }
        var event = callbacks().event("message_new", message.providerMessageId(),
                VkCallbacks.messageNew(Long.parseLong(message.from()), nextMessageId++, extra), VkStandIn.GROUP,
                signedCorrectly ? VkStandIn.SECRET : "not-the-secret");
        return callbacks().post(account.id(), event).statusCode();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var sent = new ArrayList<Map<String, String>>();
        for (int part = 0; ; part++) {
            var randomId = Integer.toString(VkRandomIds.of(message, part));
            var call = vk.calls("messages.send").stream().filter(c -> randomId.equals(c.get("random_id"))).findFirst();
            if (call.isEmpty()) {
                break;
            }
            sent.add(call.get());
        }
        var text = String.join("\n", sent.stream().map(c -> c.getOrDefault("message", "")).toList());
        var keyboard = sent.isEmpty() ? null : sent.getLast().get("keyboard");
        var labels = keyboard == null ? List.<String>of() : VkKeyboards.labels(keyboard, json);
        var attached = sent.stream().map(c -> c.get("attachment")).filter(java.util.Objects::nonNull)
                .flatMap(a -> Arrays.stream(a.split(","))).toList();
        // the photos VK was given, as the upload server saw their parts
        var types = vk.uploads("photo").stream().map(upload -> upload.getPart("photo").getHeader("Content-Type").firstValue())
                .toList();
        return new ProviderCopy(text, labels, attached.size() == types.size() ? types : List.of());
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        var id = Long.parseLong(providerMessageId.substring(providerMessageId.indexOf('_') + 1));
        var peer = Long.parseLong(jdbc.sql("select address from outbound_message where workspace_id = ? and provider_message_id = ?")
                .params(account.workspaceId().value(), providerMessageId).query(String.class).single());
        var event = status == MessageStatus.READ
                ? callbacks().event("message_read", UUID.randomUUID().toString(),
                        Map.of("from_id", peer, "peer_id", peer, "read_message_id", id, "conversation_message_id", 12))
                : callbacks().event("message_reply", UUID.randomUUID().toString(), Map.of("date", 1732363300, "from_id", -VkStandIn.GROUP,
                        "id", id, "out", 1, "peer_id", peer, "text", "Вот этот товар", "conversation_message_id", 12,
                        "random_id", 1, "version", 10000200, "attachments", List.of()));
        return callbacks().post(account.id(), event).statusCode();
    }

    private VkCallbacks callbacks() {
        return new VkCallbacks(json, port);
    }
}
