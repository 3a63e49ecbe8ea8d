package io.beseda.channel.vk;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.RemoteFiles;
import io.beseda.channel.SenderKinds;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.shared.RuleViolationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What customers write to the community: {@code message_new} (text, photos, PDF and picture documents, a shared
 * point, the payload of a keyboard button) and {@code message_event} (a callback button's press). Each is stored
 * once by the Callback API's {@code event_id}, which VK keeps when it delivers an event again. Messages from group
 * chats and from other communities are not a customer's and are let pass unstored.
 */
@Component
class VkInbound {

    private static final Logger log = LoggerFactory.getLogger(VkInbound.class);

    /** Above this, a peer id is a group chat (2000000000 + chat id), not a person. */
    private static final long CHATS_FROM = 2_000_000_000L;
    private static final Set<String> KEPT_DOCUMENTS = Set.of("pdf", "jpg", "jpeg", "png", "gif", "webp");

    private final InboundMessages inbound;
    private final ChannelAccounts accounts;
    private final Attachments attachments;
    private final RemoteFiles files;
    private final VkSenderNames names;
    private final VkApi api;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;

    VkInbound(InboundMessages inbound, ChannelAccounts accounts, Attachments attachments, RemoteFiles files,
              VkSenderNames names, VkApi api, JsonMapper json, JdbcClient jdbc, Clock clock) {
        this.inbound = inbound;
        this.accounts = accounts;
        this.attachments = attachments;
        this.files = files;
        this.names = names;
        this.api = api;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void messageNew(ChannelAccount account, VkSettings settings, String eventId, JsonNode object) {
        if (storedBefore(account, eventId)) {
            return;
        }
        var message = object.has("message") ? object.get("message") : object;
        if (!message.path("from_id").isNumber() || !message.path("date").isNumber()) {
            throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed message", "message_new needs a message with from_id and date");
        }
        var from = message.get("from_id").asLong();
        var peer = message.path("peer_id").asLong(from);
        if (from <= 0 || peer >= CHATS_FROM) {
            return;
        }
        var text = message.path("text").asString("");
        var sentAt = Instant.ofEpochSecond(message.get("date").asLong());
        store(account, new InboundMessage(Channel.VK, eventId, sender(account, from), names.nameOf(settings, from),
                text.isBlank() ? null : text, keep(account, message.path("attachments")),
                VkKeyboards.buttonPayload(string(message.path("payload")), json), location(message.path("geo")),
                null, sentAt));
    }

    /** A callback button: VK shows a spinner until the press is answered, so it is answered as soon as it is taken in. */
    void messageEvent(ChannelAccount account, VkSettings settings, String eventId, JsonNode object) {
        var user = object.path("user_id").asLong(0);
        var payloadNode = object.path("payload");
        if (user <= 0 || !object.path("event_id").isString()) {
            throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed button press", "message_event needs user_id and event_id");
        }
        if (storedBefore(account, eventId)) {
            return;
        }
        // the payload comes as the JSON VK was given, or as a string of it
        var payload = payloadNode.isMissingNode() || payloadNode.isNull() ? null
                : payloadNode.isString() ? payloadNode.stringValue() : json.writeValueAsString(payloadNode);
        store(account, new InboundMessage(Channel.VK, eventId, sender(account, user), names.nameOf(settings, user), null,
                List.of(), VkKeyboards.buttonPayload(payload, json), clock.instant()));
        try {
            api.call(settings.accessToken(), "messages.sendMessageEventAnswer", Map.of("event_id", object.get("event_id").stringValue(),
                    "user_id", user, "peer_id", object.path("peer_id").asLong(user)));
        } catch (VkException e) {
            log.info("VK did not take the answer to a button press in community {}: {}", settings.groupId(), e.getMessage());
        }
    }

    /**
     * A redelivery, recognised before its files are fetched and kept again and before VK is asked for a name.
     * Two copies arriving at the same moment both pass; {@link InboundMessages} still stores one.
     */
    private boolean storedBefore(ChannelAccount account, String eventId) {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ? and channel = 'VK' and provider_message_id = ?")
                .params(account.workspaceId().value(), eventId).query(Long.class).single() > 0;
    }

    private void store(ChannelAccount account, InboundMessage message) {
        inbound.receive(account.workspaceId(), account.id(), message);
        accounts.noteInbound(account.id(), clock.instant());
    }

    private static @Nullable String string(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static Identity sender(ChannelAccount account, long userId) {
        return Identity.of(SenderKinds.kindOf(account.channel()), Long.toString(userId));
    }

    private List<Attachment> keep(ChannelAccount account, JsonNode list) {
        var kept = new ArrayList<Attachment>();
        for (var item : list) {
            var type = item.path("type").asString("");
            if (type.equals("photo")) {
                kept.add(download(account, VkPhotoSizes.largestFirst(item.path("photo")), null));
            } else if (type.equals("doc") && KEPT_DOCUMENTS.contains(item.path("doc").path("ext").asString("").toLowerCase())
                    && item.path("doc").path("url").isString()) {
                kept.add(download(account, List.of(item.path("doc").get("url").stringValue()), item.path("doc").path("title").asString("file")));
            }
        }
        return kept;
    }

    /** The first copy that fits Beseda's file limit; VK being unable to give the file is worth a redelivery. */
    private Attachment download(ChannelAccount account, List<String> largestFirst, @Nullable String name) {
        if (largestFirst.isEmpty()) {
            throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed photo", "A photo without any address to fetch it from");
        }
        RuleViolationException refused = null;
        for (var url : largestFirst) {
            try {
                var file = files.download(URI.create(url), Map.of());
                return attachments.store(account.workspaceId(), name, file.content());
            } catch (RuleViolationException e) {
                refused = e;
                if (!"channel.file.too-large".equals(e.code()) && !"attachment.too-large".equals(e.code())) {
                    break;
                }
            } catch (IllegalArgumentException e) {
                throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed file address", "VK gave a file address Beseda cannot fetch: " + url);
            } catch (IOException e) {
                throw new VkRefusal(HttpStatus.SERVICE_UNAVAILABLE, "File not fetched",
                        "VK did not give the customer's file (" + e.getMessage() + "); VK will deliver the event again");
            }
        }
        throw new VkRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "File refused", refused == null ? "The file was refused" : refused.getMessage());
    }

    private static InboundMessage.@Nullable Location location(JsonNode geo) {
        var point = geo.path("coordinates");
        if (!point.path("latitude").isNumber() || !point.path("longitude").isNumber()) {
            return null;
        }
        var title = geo.path("place").path("title").asString("");
        return new InboundMessage.Location(point.get("latitude").asDouble(), point.get("longitude").asDouble(),
                title.isBlank() ? null : title);
    }
}
