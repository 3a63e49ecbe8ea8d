package io.beseda.channel.webchat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The sites a widget may run on. An entry is an origin ({@code https://shop.example}, a port if not the
 * default) or a wildcard for subdomains ({@code https://*.shop.example}). Browsers send the page's origin
 * with every WebSocket handshake, so another site cannot open a shop's chat in its own pages.
 */
final class Origins {

    private Origins() {
    }

    /** The entry as it is compared, or empty when it is not an origin. */
    static Optional<String> normalise(String entry) {
        var value = entry.strip().toLowerCase(Locale.ROOT);
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        var wildcard = value.contains("://*.");
        try {
            var uri = new URI(wildcard ? value.replace("://*.", "://wildcard.") : value);
            var scheme = uri.getScheme();
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null || value.indexOf('*') != value.lastIndexOf('*')) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether a page of {@code origin} may use the widget; a missing origin is allowed only when any is. */
    static boolean allows(List<String> allowed, @Nullable String origin) {
        if (allowed.isEmpty()) {
            return true;
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        var candidate = origin.strip().toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(entry -> matches(entry, candidate));
    }

    private static boolean matches(String entry, String origin) {
        var star = entry.indexOf("://*.");
        if (star < 0) {
            return entry.equals(origin);
        }
        var scheme = entry.substring(0, star + 3);
        var suffix = entry.substring(star + 4);
        return origin.startsWith(scheme) && origin.endsWith(suffix) && origin.length() > scheme.length() + suffix.length();
    }
}
