package io.beseda.channel.webchat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * "Write to us in…" links: https pages of the messengers (t.me, wa.me, vk.me, max.ru) or their app
 * schemes. Anything else, {@code javascript:} above all, is refused, because the widget puts it in a link.
 */
final class DeepLinks {

    private static final Set<String> SCHEMES = Set.of("https", "http", "tg", "viber", "whatsapp", "vk");

    private DeepLinks() {
    }

    static boolean valid(String link) {
        if (link.length() > 500 || link.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            var scheme = new URI(link).getScheme();
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
