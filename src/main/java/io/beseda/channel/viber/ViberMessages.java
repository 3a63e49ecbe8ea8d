package io.beseda.channel.viber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.beseda.channel.Delivery;
import io.beseda.channel.QuickReply;
import io.beseda.channel.TextSplitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a delivery into the Viber messages that carry it: each file first (a JPEG or PNG photo up to 1 MB as a
 * picture, anything else as a file), then the text in parts of at most {@value #MAX_TEXT} characters, with the
 * quick replies as a keyboard under the last message. Every message carries {@code tracking_data}, which Viber
 * hands back with the user's next message: our message id, and the keyboard's payloads with their titles, so a
 * pressed button (Viber sends its {@code ActionBody}, the payload, as the user's text) is told from typing.
 */
final class ViberMessages {

    static final int MAX_TEXT = 7000;
    static final int MAX_TRACKING_DATA = 4096;
    /** Viber shows pictures up to 1 MB on every phone (iOS); larger ones go as files. */
    static final long MAX_PICTURE_BYTES = 1024 * 1024;

    /** A Beseda-kept file at the public address Viber downloads it from. */
    record PublicFile(String url, String mimeType, long size, String name) {
    }

    private ViberMessages() {
    }

    /** The messages in the order they are sent; each holds the fields of {@code send_message} but receiver and sender. */
    static List<Map<String, Object>> of(Delivery delivery, List<PublicFile> files, JsonMapper json) {
        var parts = new ArrayList<Map<String, Object>>();
        for (var file : files) {
            parts.add(picture(file) ? Map.of("type", "picture", "text", "", "media", file.url())
                    : Map.of("type", "file", "media", file.url(), "size", file.size(), "file_name", file.name()));
        }
        for (var text : TextSplitter.split(delivery.body(), MAX_TEXT)) {
            parts.add(Map.of("type", "text", "text", text));
        }
        var messages = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < parts.size(); i++) {
            var message = new LinkedHashMap<String, Object>(parts.get(i));
            var last = i == parts.size() - 1;
            if (last && !delivery.quickReplies().isEmpty()) {
                message.put("keyboard", keyboard(delivery.quickReplies()));
            }
            message.put("tracking_data", trackingData(delivery, last ? delivery.quickReplies() : List.of(), json));
            messages.add(message);
        }
        return messages;
    }

    private static boolean picture(PublicFile file) {
        return (file.mimeType().equals("image/jpeg") || file.mimeType().equals("image/png")) && file.size() <= MAX_PICTURE_BYTES;
    }

    private static Map<String, Object> keyboard(List<QuickReply> replies) {
        var columns = columns(replies);
        var buttons = replies.stream().map(reply -> Map.<String, Object>of("ActionType", "reply", "ActionBody", reply.payload(),
                "Text", reply.title(), "TextSize", "regular", "Columns", columns, "Rows", 1)).toList();
        return Map.of("Type", "keyboard", "DefaultHeight", false, "Buttons", buttons);
    }

    /** Viber's keyboard is 6 columns wide: a scale of short answers (1–5) in one row, short titles two a row, long ones alone. */
    static int columns(List<QuickReply> replies) {
        var longest = replies.stream().mapToInt(r -> r.title().length()).max().orElse(0);
        if (longest <= 3 && replies.size() <= 6) {
            return 6 / replies.size();
        }
        return longest <= 14 ? 3 : 6;
    }

    private static String trackingData(Delivery delivery, List<QuickReply> replies, JsonMapper json) {
        var buttons = new LinkedHashMap<String, String>();
        replies.forEach(reply -> buttons.put(reply.payload(), reply.title()));
        var data = json.writeValueAsString(Map.of("m", delivery.messageId().toString(), "b", buttons));
        if (data.length() > MAX_TRACKING_DATA) {
            // ten long payloads with their titles may not fit: the payloads alone still tell a press from typing
            buttons.replaceAll((payload, title) -> "");
            data = json.writeValueAsString(Map.of("m", delivery.messageId().toString(), "b", buttons));
        }
        return data;
    }
}
