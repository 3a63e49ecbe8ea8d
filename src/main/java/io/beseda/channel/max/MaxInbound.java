package io.beseda.channel.max;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.RemoteFiles;
import io.beseda.channel.SenderKinds;
import io.beseda.customer.Identity;
import io.beseda.shared.RuleViolationException;
import tools.jackson.databind.JsonNode;

/**
 * Reads MAX's {@code Update} objects into what a customer sent. A {@code message_created} in the customer's
 * dialog with the bot brings its text, photos and files (downloaded from MAX's file hosts and kept), a shared
 * location or a contact card; a {@code message_callback} brings the pressed button's payload (and its title as
 * the text); a {@code bot_started} is the customer opening the bot, which lets the bot write to them. Group
 * chats and channels the bot sits in, and other bots, are not customers: their updates are passed over.
 */
@Component
class MaxInbound {

    /** The update is not what MAX sends: answered 400, nothing kept. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** MAX's file host did not give a file: answered 503 so MAX delivers the update again later. */
    static final class FileUnavailable extends RuntimeException {
        FileUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Map<String, String> REFUSALS = Map.of(
            "attachment.too-large", "слишком большой", "channel.file.too-large", "слишком большой",
            "attachment.type", "такие файлы Beseda не хранит", "attachment.empty", "пустой");

    private final RemoteFiles files;
    private final Attachments attachments;
    private final JdbcClient jdbc;

    MaxInbound(RemoteFiles files, Attachments attachments, JdbcClient jdbc) {
        this.files = files;
        this.attachments = attachments;
        this.jdbc = jdbc;
    }

    Optional<InboundMessage> message(ChannelAccount account, JsonNode update) {
        var message = object(update, "message");
        if (!"dialog".equals(message.path("recipient").path("chat_type").asString("dialog"))) {
            return Optional.empty();
        }
        var sender = object(message, "sender");
        if (sender.path("is_bot").asBoolean(false)) {
            return Optional.empty();
        }
        var at = at(message.path("timestamp"), update);
        // MAX leaves out the body of a message that only forwards another one
        var body = message.path("body");
        var mid = body.isObject() ? string(body, "mid") : forwardId(message, id(sender), at);
        var text = nonEmpty(body.path("text"));
        var link = message.path("link");
        var forwarded = "forward".equals(link.path("type").asString("")) ? nonEmpty(link.path("message").path("text")) : null;
        if (forwarded != null) {
            text = (text == null ? "" : text + "\n") + "[Переслано] " + forwarded;
        }
        var contents = contents(account, body.path("attachments"), mid);
        if (!contents.notes().isEmpty()) {
            text = (text == null ? "" : text + "\n") + String.join("\n", contents.notes());
        }
        return Optional.of(new InboundMessage(account.channel(), mid, user(account, sender), name(sender), text, contents.files(),
                null, contents.location(), contents.contact(), at));
    }

    /** What a message's attachments bring; {@code notes} name the files Beseda would not keep. */
    private record Contents(List<Attachment> files, List<String> notes, InboundMessage.@Nullable Location location,
                            InboundMessage.@Nullable Contact contact) {
    }

    private Contents contents(ChannelAccount account, JsonNode attachments, String mid) {
        var kept = new ArrayList<Attachment>();
        var notes = new ArrayList<String>();
        InboundMessage.Location location = null;
        InboundMessage.Contact contact = null;
        Boolean taken = null;
        for (var attachment : attachments) {
            switch (attachment.path("type").asString("")) {
                case "image", "file" -> {
                    if (taken == null) {
                        taken = alreadyTaken(account, mid);
                    }
                    if (!taken) {
                        keep(account, attachment, kept, notes);
                    }
                }
                case "location" -> location = location(attachment);
                case "contact" -> contact = VCards.contact(attachment.path("payload"));
                default -> {
                    // stickers, video, audio, shares: nothing Beseda keeps; the text (if any) still comes in
                }
            }
        }
        return new Contents(kept, notes, location, contact);
    }

    /** A pressed button: the callback's id is the message id, so a redelivered press is taken once. */
    InboundMessage callback(ChannelAccount account, JsonNode update) {
        var callback = object(update, "callback");
        var payload = string(callback, "payload");
        var user = object(callback, "user");
        return new InboundMessage(account.channel(), string(callback, "callback_id"), user(account, user), name(user),
                title(update.path("message"), payload), List.of(), payload, at(callback.path("timestamp"), update));
    }

    /** The customer pressed «Начать» (or followed the bot's link): a message without text, so the bot may greet them. */
    InboundMessage started(ChannelAccount account, JsonNode update) {
        var user = object(update, "user");
        var userId = id(user);
        var at = at(update.path("timestamp"), update);
        return new InboundMessage(account.channel(), "bot_started:" + userId + ":" + at.toEpochMilli(),
                Identity.of(SenderKinds.kindOf(account.channel()), userId), name(user), null, List.of(), null, at);
    }

    /** The pressed button's title, from the keyboard of the message it was under (when MAX still has that message). */
    static @Nullable String title(JsonNode message, String payload) {
        for (var attachment : message.path("body").path("attachments")) {
            if ("inline_keyboard".equals(attachment.path("type").asString(""))) {
                for (var row : attachment.path("payload").path("buttons")) {
                    for (var button : row) {
                        if (payload.equals(button.path("payload").asString(null)) && button.path("text").isString()) {
                            return button.path("text").asString();
                        }
                    }
                }
            }
        }
        return null;
    }

    private void keep(ChannelAccount account, JsonNode attachment, List<Attachment> kept, List<String> notes) {
        var url = attachment.path("payload").path("url").asString("");
        var name = attachment.path("filename").asString(null);
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new Malformed("An " + attachment.path("type").asString() + " attachment has no payload.url");
        }
        try {
            var downloaded = files.download(URI.create(url), Map.of());
            kept.add(attachments.store(account.workspaceId(), name, downloaded.content()));
        } catch (IOException e) {
            throw new FileUnavailable("MAX's file host did not give " + url + ": " + e.getMessage(), e);
        } catch (RuleViolationException e) {
            notes.add("[" + (name == null ? "Фото" : "Файл «" + name + "»") + " не принят: "
                    + REFUSALS.getOrDefault(e.code(), e.getMessage()) + "]");
        } catch (IllegalArgumentException e) {
            throw new Malformed("An attachment's payload.url is not a URL");
        }
    }

    /** A redelivered message's files were kept the first time: not downloaded and kept again. */
    private boolean alreadyTaken(ChannelAccount account, String mid) {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ? and channel = ? and provider_message_id = ?")
                .params(account.workspaceId().value(), account.channel().name(), mid).query(Long.class).single() > 0;
    }

    /** A forward without a body of its own is known by the forwarded message, who forwarded it and when. */
    private static String forwardId(JsonNode message, String userId, Instant at) {
        var forwarded = message.path("link").path("message");
        return "forward:" + string(forwarded, "mid") + ":" + userId + ":" + at.toEpochMilli();
    }

    private static @Nullable String nonEmpty(JsonNode text) {
        return text.isString() && !text.asString().isBlank() ? text.asString() : null;
    }

    private static InboundMessage.Location location(JsonNode attachment) {
        var latitude = attachment.path("latitude");
        var longitude = attachment.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber() || Math.abs(latitude.asDouble()) > 90 || Math.abs(longitude.asDouble()) > 180) {
            throw new Malformed("A location attachment needs latitude and longitude");
        }
        return new InboundMessage.Location(latitude.asDouble(), longitude.asDouble(), null);
    }

    private static Identity user(ChannelAccount account, JsonNode user) {
        return Identity.of(SenderKinds.kindOf(account.channel()), id(user));
    }

    private static String id(JsonNode user) {
        var id = user.path("user_id");
        if (!id.isIntegralNumber()) {
            throw new Malformed("A user needs a numeric user_id");
        }
        return Long.toString(id.asLong());
    }

    /** First and last name (MAX's {@code name} is deprecated, so it only stands in when they are missing). */
    static @Nullable String name(JsonNode user) {
        var full = (user.path("first_name").asString("") + " " + user.path("last_name").asString("")).strip();
        if (!full.isEmpty()) {
            return full;
        }
        var name = user.path("name").asString("").strip();
        return name.isEmpty() ? null : name;
    }

    private static Instant at(JsonNode millis, JsonNode update) {
        var value = millis.isIntegralNumber() ? millis : update.path("timestamp");
        if (!value.isIntegralNumber()) {
            throw new Malformed("The update has no timestamp");
        }
        return Instant.ofEpochMilli(value.asLong());
    }

    private static JsonNode object(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isObject()) {
            throw new Malformed("The update has no " + field);
        }
        return value;
    }

    private static String string(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new Malformed("The update has no " + field);
        }
        return value.asString();
    }
}
