package io.beseda.channel.max;

import java.util.List;

import io.beseda.channel.QuickReply;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MAX's {@code NewMessageBody} for what Beseda sends: plain text (no {@code format}, so an operator's asterisks
 * stay asterisks), uploaded photos and files by token, and quick replies as an {@code inline_keyboard} of
 * {@code callback} buttons whose {@code payload} comes back in {@code message_callback}.
 */
final class MaxMessages {

    /** MAX takes at most this many characters of text in one message. */
    static final int MAX_TEXT = 4000;

    /** How long a button's text may be to show whole with 1, 2, 3 or 4 buttons in a row (MAX's advice). */
    private static final int[] FITS = {20, 10, 5, 3};

    /** A file uploaded to MAX, attached by its token: {@code type} is {@code image} or {@code file}. */
    record Uploaded(String type, String token) {
    }

    private MaxMessages() {
    }

    static ObjectNode body(JsonMapper json, String text, List<Uploaded> files, List<QuickReply> buttons) {
        var body = json.createObjectNode().put("text", text);
        var attachments = body.putArray("attachments");
        for (var file : files) {
            var attachment = attachments.addObject().put("type", file.type());
            attachment.putObject("payload").put("token", file.token());
        }
        if (!buttons.isEmpty()) {
            var keyboard = attachments.addObject().put("type", "inline_keyboard");
            var rows = keyboard.putObject("payload").putArray("buttons");
            int perRow = perRow(buttons);
            for (int i = 0; i < buttons.size(); i += perRow) {
                var row = rows.addArray();
                for (var button : buttons.subList(i, Math.min(buttons.size(), i + perRow))) {
                    row.addObject().put("type", "callback").put("text", button.title()).put("payload", button.payload());
                }
            }
        }
        return body;
    }

    /** As many buttons in a row as still show every title whole: a 1–5 scale in one row, longer titles one a row. */
    static int perRow(List<QuickReply> buttons) {
        int longest = buttons.stream().mapToInt(b -> b.title().codePointCount(0, b.title().length())).max().orElse(0);
        for (int n = FITS.length; n > 1; n--) {
            if (longest <= FITS[n - 1] && buttons.size() >= n) {
                return n;
            }
        }
        return 1;
    }
}
