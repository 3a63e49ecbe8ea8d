package io.beseda.channel.vk;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.QuickReply;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quick replies as a VK inline keyboard of text buttons, and back. A text button's press arrives as the customer's
 * message whose text is the label and whose {@code payload} is the button's; Beseda's payload rides inside
 * {@code {"button": "…"}}, because VK wants JSON there. VK's limits: 40 characters a label, 255 a payload, at most
 * 10 buttons in at most 6 rows of an inline keyboard.
 */
final class VkKeyboards {

    static final int MAX_LABEL = 40;
    static final int MAX_PAYLOAD = 255;
    private static final int MAX_ROWS = 6;

    private VkKeyboards() {
    }

    /** The keyboard's JSON: one button a row, two a row when there are more than six. */
    static String inline(List<QuickReply> replies, JsonMapper json) {
        var keyboard = json.createObjectNode();
        keyboard.put("inline", true);
        var rows = keyboard.putArray("buttons");
        var perRow = replies.size() > MAX_ROWS ? 2 : 1;
        var row = rows.addArray();
        for (var reply : replies) {
            if (row.size() == perRow) {
                row = rows.addArray();
            }
            var action = row.addObject().putObject("action");
            action.put("type", "text").put("label", label(reply.title()));
            var payload = payload(reply.payload(), json);
            if (payload != null) {
                action.put("payload", payload);
            }
        }
        return json.writeValueAsString(keyboard);
    }

    /** What Beseda puts in a button's payload; null when it would not fit VK's 255 characters (the label then speaks alone). */
    static @Nullable String payload(String buttonPayload, JsonMapper json) {
        ObjectNode wrapped = json.createObjectNode().put("button", buttonPayload);
        var text = json.writeValueAsString(wrapped);
        return text.length() <= MAX_PAYLOAD ? text : null;
    }

    /**
     * The payload of a pressed button as Beseda's: what Beseda wrapped comes out unwrapped; any other payload (VK's
     * own {@code {"command":"start"}} of the «Начать» button, a keyboard someone else made) is kept as VK gave it.
     */
    static @Nullable String buttonPayload(@Nullable String payload, JsonMapper json) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            var tree = json.readTree(payload);
            if (tree != null && tree.isObject() && tree.size() == 1 && tree.path("button").isString()) {
                return tree.get("button").stringValue();
            }
        } catch (JacksonException e) {
            // not JSON after all: kept as it came
        }
        return payload;
    }

    private static String label(String title) {
        if (title.codePointCount(0, title.length()) <= MAX_LABEL) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, MAX_LABEL - 1)).stripTrailing() + "…";
    }

    /** The labels of a keyboard Beseda made, in order (for tests and logs). */
    static List<String> labels(String keyboard, JsonMapper json) {
        var labels = new ArrayList<String>();
        json.readTree(keyboard).path("buttons").forEach(row -> row.forEach(button ->
                labels.add(button.path("action").path("label").asString(""))));
        return labels;
    }
}
