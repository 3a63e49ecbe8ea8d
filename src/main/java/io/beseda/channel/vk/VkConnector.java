package io.beseda.channel.vk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.TextSplitter;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one account's messages with {@code messages.send}. A text over VK's 4096 characters goes as several
 * messages; the files ride with the first, at most 10 to a message, and the buttons (an inline keyboard) with
 * the last. Every VK message has its own {@code random_id} derived from Beseda's message id, so a retry after a
 * failure halfway resends only what VK has not got.
 */
final class VkConnector implements ChannelConnector {

    static final int MAX_TEXT = 4096;
    static final int MAX_ATTACHMENTS = 10;

    private final VkSettings settings;
    private final VkApi api;
    private final VkUploads uploads;
    private final Customers customers;
    private final JsonMapper json;

    VkConnector(VkSettings settings, VkApi api, VkUploads uploads, Customers customers, JsonMapper json) {
        this.settings = settings;
        this.api = api;
        this.uploads = uploads;
        this.customers = customers;
        this.json = json;
    }

    @Override
    public SendResult send(Delivery delivery) {
        try {
            var peer = peer(delivery);
            var messages = compose(delivery, uploads.upload(delivery, settings, peer));
            long last = 0;
            for (int i = 0; i < messages.size(); i++) {
                var params = new LinkedHashMap<String, Object>(messages.get(i));
                params.put("peer_id", peer);
                params.put("random_id", VkRandomIds.of(delivery.messageId(), i));
                var id = api.call(settings.accessToken(), "messages.send", params);
                if (!id.isNumber()) {
                    return new SendResult.Permanent("VK answered messages.send without a message id: " + id);
                }
                last = id.asLong();
            }
            return new SendResult.Sent(VkReceipts.providerMessageId(settings.groupId(), last));
        } catch (VkException e) {
            return e.result();
        }
    }

    private List<Map<String, Object>> compose(Delivery delivery, List<String> files) {
        var texts = TextSplitter.split(delivery.body(), MAX_TEXT);
        var messages = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < texts.size(); i++) {
            var message = new LinkedHashMap<String, Object>();
            message.put("message", texts.get(i));
            if (i == 0 && !files.isEmpty()) {
                message.put("attachment", String.join(",", files.subList(0, Math.min(MAX_ATTACHMENTS, files.size()))));
            }
            messages.add(message);
        }
        for (int from = MAX_ATTACHMENTS; from < files.size(); from += MAX_ATTACHMENTS) {
            var message = new LinkedHashMap<String, Object>();
            message.put("attachment", String.join(",", files.subList(from, Math.min(from + MAX_ATTACHMENTS, files.size()))));
            messages.add(message);
        }
        if (!delivery.quickReplies().isEmpty()) {
            messages.getLast().put("keyboard", VkKeyboards.inline(delivery.quickReplies(), json));
        }
        return messages;
    }

    /** The customer's VK user id: the address the message was queued with, else the VK id on their profile. */
    private long peer(Delivery delivery) throws VkException {
        var address = delivery.address();
        if (address == null || address.isBlank()) {
            address = customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                    .filter(identity -> identity.kind() == IdentityKind.VK).map(identity -> identity.value()).findFirst()
                    .orElseThrow(() -> VkException.permanentFailure("The customer has no VK id to write to"));
        }
        try {
            var peer = Long.parseLong(address.strip());
            if (peer > 0) {
                return peer;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw VkException.permanentFailure("'" + address + "' is not a VK user id");
    }
}
