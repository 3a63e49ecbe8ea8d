package io.beseda.channel.viber;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.RemoteFiles;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.RuleViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in Viber's {@code message} callback: text; a pressed keyboard button (Viber sends the button's
 * {@code ActionBody} — our payload — as the text, with the {@code tracking_data} of the message that carried
 * the keyboard); a picture or a file, downloaded from Viber's media URL and kept; a location; a contact.
 * A video or a file Beseda does not keep (only photos and PDFs) is stored as a note in the text, so the
 * operator knows something came. A message already stored is not downloaded again.
 */
@Component
class ViberInbound {

    /** Why a message cannot be taken in now; Viber redelivers what is not answered 200. */
    static final class NotNow extends Exception {
        NotNow(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final InboundMessages inbound;
    private final Attachments attachments;
    private final RemoteFiles files;
    private final ViberSubscriptions subscriptions;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ViberInbound(InboundMessages inbound, Attachments attachments, RemoteFiles files, ViberSubscriptions subscriptions,
                 JdbcClient jdbc, JsonMapper json) {
        this.inbound = inbound;
        this.attachments = attachments;
        this.files = files;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the message once; the caller has checked the event has a token, a sender id and a message object. */
    void receive(ChannelAccount account, String token, JsonNode sender, JsonNode message, Instant sentAt) throws NotNow {
        if (stored(account, token)) {
            return;
        }
        var type = message.path("type").asString("text");
        var text = blankToNull(message.path("text").asString(null));
        String payload = null;
        var kept = new ArrayList<Attachment>();
        InboundMessage.Location location = null;
        InboundMessage.Contact contact = null;
        switch (type) {
            case "text" -> {
                var button = pressed(message, text);
                if (button != null) {
                    payload = text;
                    text = button;
                }
            }
            case "picture", "file" -> text = keep(account, message, kept, text);
            case "video" -> text = note(text, "[Видео: Беседа не хранит видео, попросите прислать фото]");
            case "location" -> location = location(message.path("location"));
            case "contact" -> contact = contact(message.path("contact"));
            case "url" -> text = note(text, message.path("media").asString(""));
            default -> {
                // a sticker or a rich message: what text it has, if any
            }
        }
        var from = Identity.of(IdentityKind.VIBER, sender.path("id").asString());
        var accepted = inbound.accept(account.workspaceId(), account.id(), new InboundMessage(Channel.VIBER, token, from,
                blankToNull(sender.path("name").asString(null)), text, kept, payload, location, contact, sentAt));
        accepted.ifPresent(customer -> subscriptions.wrote(account, customer.customer(), sentAt));
    }

    private boolean stored(ChannelAccount account, String token) {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ? and channel = 'VIBER' and provider_message_id = ?")
                .params(account.workspaceId().value(), token).query(Long.class).single() > 0;
    }

    /** The title of the button whose payload the text is, if the message answers a keyboard we sent. */
    private @Nullable String pressed(JsonNode message, @Nullable String text) {
        var tracking = message.path("tracking_data").asString("");
        if (text == null || tracking.isBlank()) {
            return null;
        }
        JsonNode data;
        try {
            data = json.readTree(tracking);
        } catch (JacksonException notOurs) {
            return null;
        }
        var buttons = data.path("b");
        if (!buttons.isObject() || !buttons.has(text)) {
            return null;
        }
        var title = buttons.path(text).asString("");
        return title.isBlank() ? text : title;
    }

    private @Nullable String keep(ChannelAccount account, JsonNode message, List<Attachment> kept, @Nullable String text)
            throws NotNow {
        var media = message.path("media").asString("");
        var name = blankToNull(message.path("file_name").asString(null));
        if (media.isBlank()) {
            return note(text, "[Файл без ссылки: Viber его не передал]");
        }
        try {
            var file = files.download(URI.create(media), Map.of());
            kept.add(attachments.store(account.workspaceId(), name == null ? "viber-photo" : name, file.content()));
            return text;
        } catch (RuleViolationException refused) {
            return note(text, "[Файл" + (name == null ? "" : " «" + name + "»") + " не сохранён: " + refused.getMessage() + "]");
        } catch (IllegalArgumentException badUrl) {
            return note(text, "[Файл не сохранён: Viber дал негодную ссылку]");
        } catch (IOException e) {
            throw new NotNow("The file could not be fetched from Viber", e);
        }
    }

    private static InboundMessage.@Nullable Location location(JsonNode point) {
        if (!point.path("lat").isNumber() || !point.path("lon").isNumber()) {
            return null;
        }
        return new InboundMessage.Location(point.path("lat").asDouble(), point.path("lon").asDouble(),
                blankToNull(point.path("address").asString(null)));
    }

    private static InboundMessage.@Nullable Contact contact(JsonNode contact) {
        var phone = blankToNull(contact.path("phone_number").asString(null));
        return phone == null ? null : new InboundMessage.Contact(phone, blankToNull(contact.path("name").asString(null)));
    }

    private static String note(@Nullable String text, String note) {
        return text == null ? note : text + "\n" + note;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
