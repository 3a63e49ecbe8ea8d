package io.beseda.channel.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.beseda.channel.MessageTemplates;
import tools.jackson.databind.JsonNode;

/**
 * Reads a template as {@code GET /{waba-id}/message_templates} lists it. Beseda fills in the body's parameters
 * only, so a template is sendable when nothing else needs a value: no media or variable in the header, no
 * variable in a button's URL, and not an authentication (one-time code) template.
 */
final class TemplateReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private TemplateReader() {
    }

    static MessageTemplates.Synced read(JsonNode template) {
        String header = null;
        String body = "";
        String footer = null;
        var sendable = !"AUTHENTICATION".equals(template.path("category").asString(""));
        for (var component : template.path("components")) {
            switch (component.path("type").asString("").toUpperCase(java.util.Locale.ROOT)) {
                case "HEADER" -> {
                    var format = component.path("format").asString("TEXT");
                    header = component.path("text").asString(null);
                    sendable &= "TEXT".equals(format) && (header == null || !PLACEHOLDER.matcher(header).find());
                }
                case "BODY" -> body = component.path("text").asString("");
                case "FOOTER" -> footer = component.path("text").asString(null);
                case "BUTTONS" -> {
                    for (var button : component.path("buttons")) {
                        var type = button.path("type").asString("");
                        sendable &= "QUICK_REPLY".equals(type) || "PHONE_NUMBER".equals(type)
                                || ("URL".equals(type) && !PLACEHOLDER.matcher(button.path("url").asString("")).find());
                    }
                }
                default -> sendable = false; // a carousel, a limited-time offer…: parts Beseda does not fill in
            }
        }
        var text = new ArrayList<String>();
        if (header != null && !header.isBlank()) {
            text.add(header);
        }
        text.add(body);
        if (footer != null && !footer.isBlank()) {
            text.add(footer);
        }
        return new MessageTemplates.Synced(template.path("name").asString(""), template.path("language").asString(""),
                template.path("category").asString(""), template.path("status").asString(""), String.join("\n\n", text),
                parameters(body), sendable && !body.isBlank());
    }

    /** The body's parameters in the order they first appear. */
    static List<String> parameters(String body) {
        var found = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }
}
