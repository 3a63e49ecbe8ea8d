package io.beseda.channel.max;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.InboundMessage;
import tools.jackson.databind.JsonNode;

/**
 * A contact card MAX hands over ({@code payload.vcf_info}, a vCard, with {@code max_info} about the MAX user
 * when the contact has an account): its first phone and the name on it.
 */
final class VCards {

    private VCards() {
    }

    /** The card's phone and name; null when the card carries no phone (there is nothing to call then). */
    static InboundMessage.@Nullable Contact contact(JsonNode payload) {
        var vcf = payload.path("vcf_info").asString("");
        String phone = null;
        String name = null;
        // a long vCard line goes on in the next line after a space or a tab ("folding")
        for (var line : vcf.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            var key = line.substring(0, colon).toUpperCase(Locale.ROOT);
            var value = line.substring(colon + 1).strip();
            if (phone == null && (key.equals("TEL") || key.startsWith("TEL;")) && !value.isEmpty()) {
                phone = value.regionMatches(true, 0, "tel:", 0, 4) ? value.substring(4) : value;
            } else if (name == null && (key.equals("FN") || key.startsWith("FN;")) && !value.isEmpty()) {
                name = value;
            }
        }
        if (name == null && payload.path("max_info").isObject()) {
            name = MaxInbound.name(payload.path("max_info"));
        }
        return phone == null ? null : new InboundMessage.Contact(phone, name);
    }
}
