package io.beseda.channel.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.InboundMessage;
import io.beseda.channel.MessageStatus;
import tools.jackson.databind.JsonNode;

/**
 * What one webhook delivery from Meta says, read and checked in full before anything is stored: the customers'
 * messages (files still at WhatsApp, named by media id), the statuses of messages Beseda sent, and whether a
 * template changed. Changes about another phone number than the account's are left out.
 */
record WebhookEvents(List<Incoming> messages, List<Status> statuses, boolean templatesChanged, int otherNumbers) {

    /** A customer's message; {@code media} is the file to fetch from WhatsApp, if it carried one Beseda keeps. */
    record Incoming(String id, String from, @Nullable String name, @Nullable String text, @Nullable String buttonPayload,
                    InboundMessage.@Nullable Location location, InboundMessage.@Nullable Contact contact, @Nullable Media media,
                    Instant sentAt) {
    }

    record Media(String id, @Nullable String fileName) {
    }

    /** A status of a message Beseda sent: DELIVERED, READ or FAILED (with WhatsApp's reason). */
    record Status(String messageId, MessageStatus status, @Nullable String reason) {
    }

    /** The delivery is not a WhatsApp webhook as Meta documents it. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** Not customers' messages: reactions, "the customer changed their number", the first-contact welcome request. */
    private static final Set<String> IGNORED = Set.of("reaction", "system", "request_welcome", "ephemeral");

    /** Kinds of file Beseda keeps (photos and PDFs; a sticker is a WebP picture); voice and video are not kept. */
    private static final Set<String> KEPT = Set.of("image", "sticker", "document");

    private static final Set<String> TEMPLATE_FIELDS = Set.of("message_template_status_update", "template_category_update",
            "message_template_components_update");

    /** @throws Malformed with what is wrong */
    static WebhookEvents read(JsonNode root, String phoneNumberId) {
        if (!"whatsapp_business_account".equals(root.path("object").asString(""))) {
            throw new Malformed("object must be whatsapp_business_account");
        }
        var entries = root.path("entry");
        if (!entries.isArray()) {
            throw new Malformed("entry must be a list");
        }
        var messages = new ArrayList<Incoming>();
        var statuses = new ArrayList<Status>();
        var templates = false;
        var others = 0;
        for (var entry : entries) {
            for (var change : entry.path("changes")) {
                var field = change.path("field").asString("");
                var value = change.path("value");
                if (TEMPLATE_FIELDS.contains(field)) {
                    templates = true;
                } else if ("messages".equals(field)) {
                    if (!phoneNumberId.equals(value.path("metadata").path("phone_number_id").asString(""))) {
                        others++;
                        continue;
                    }
                    for (var message : value.path("messages")) {
                        var incoming = message(message, value.path("contacts"));
                        if (incoming != null) {
                            messages.add(incoming);
                        }
                    }
                    for (var status : value.path("statuses")) {
                        var read = status(status);
                        if (read != null) {
                            statuses.add(read);
                        }
                    }
                }
            }
        }
        return new WebhookEvents(messages, statuses, templates, others);
    }

    private static @Nullable Incoming message(JsonNode message, JsonNode contacts) {
        var id = required(message, "id");
        var from = required(message, "from");
        var sentAt = timestamp(message);
        var type = message.path("type").asString("").toLowerCase(Locale.ROOT);
        if (IGNORED.contains(type)) {
            return null;
        }
        var content = message.path(type);
        String text = null;
        String payload = null;
        InboundMessage.Location location = null;
        InboundMessage.Contact contact = null;
        Media media = null;
        switch (type) {
            case "text" -> text = required(content, "body");
            case "interactive" -> {
                var reply = content.path("button_reply").isObject() ? content.path("button_reply") : content.path("list_reply");
                if (reply.isObject()) {
                    payload = required(reply, "id");
                    text = string(reply, "title");
                }
            }
            case "button" -> {
                payload = string(content, "payload");
                text = string(content, "text");
                if (payload == null) {
                    payload = text;
                }
            }
            case "location" -> location = location(content);
            case "contacts" -> contact = contact(content);
            default -> {
                text = string(content, "caption");
                if (KEPT.contains(type)) {
                    media = new Media(required(content, "id"), string(content, "filename"));
                }
            }
        }
        return new Incoming(id, from, name(contacts, from), text, payload, location, contact, media, sentAt);
    }

    private static InboundMessage.Location location(JsonNode content) {
        var latitude = content.path("latitude");
        var longitude = content.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber() || Math.abs(latitude.asDouble()) > 90 || Math.abs(longitude.asDouble()) > 180) {
            throw new Malformed("a location needs latitude and longitude");
        }
        var label = string(content, "name");
        return new InboundMessage.Location(latitude.asDouble(), longitude.asDouble(), label != null ? label : string(content, "address"));
    }

    private static InboundMessage.@Nullable Contact contact(JsonNode cards) {
        for (var card : cards) {
            for (var phone : card.path("phones")) {
                var number = string(phone, "phone");
                if (number == null) {
                    number = string(phone, "wa_id");
                }
                if (number != null) {
                    return new InboundMessage.Contact(number, string(card.path("name"), "formatted_name"));
                }
            }
        }
        return null;
    }

    private static @Nullable String name(JsonNode contacts, String from) {
        for (var contact : contacts) {
            if (from.equals(contact.path("wa_id").asString(""))) {
                return string(contact.path("profile"), "name");
            }
        }
        return null;
    }

    private static @Nullable Status status(JsonNode status) {
        var id = required(status, "id");
        var kind = switch (status.path("status").asString("")) {
            case "delivered" -> MessageStatus.DELIVERED;
            case "read" -> MessageStatus.READ;
            case "failed" -> MessageStatus.FAILED;
            default -> null; // "sent" (Beseda knows from the API's answer), "deleted", "warning", "played"
        };
        if (kind == null) {
            return null;
        }
        String reason = null;
        if (kind == MessageStatus.FAILED) {
            var error = status.path("errors").path(0);
            var details = error.path("error_data").path("details").asString("");
            reason = "WhatsApp #" + error.path("code").asString("?") + ": " + error.path("title").asString(error.path("message").asString("failed"))
                    + (details.isBlank() ? "" : " (" + details + ")");
        }
        return new Status(id, kind, reason);
    }

    private static Instant timestamp(JsonNode message) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(required(message, "timestamp")));
        } catch (NumberFormatException e) {
            throw new Malformed("timestamp must be seconds since 1970");
        }
    }

    private static String required(JsonNode node, String field) {
        var value = string(node, field);
        if (value == null || value.isBlank()) {
            throw new Malformed(field + " is missing");
        }
        return value;
    }

    private static @Nullable String string(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }
}
