package io.beseda.channel.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Bot API is and how long to wait for it.
 *
 * @param baseUrl        the Bot API server: Telegram's own, or a self-hosted telegram-bot-api server; scheme, host
 *                       and port only (the library builds {@code /bot<token>/<method>} on it)
 * @param connectTimeout how long to wait for a connection
 * @param callTimeout    how long one call may take in all, an upload included
 */
@ConfigurationProperties("beseda.channel.telegram")
record TelegramProperties(@DefaultValue("https://api.telegram.org") URI baseUrl,
                          @DefaultValue("10s") Duration connectTimeout,
                          @DefaultValue("60s") Duration callTimeout) {

    TelegramProperties {
        var path = baseUrl.getPath();
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException("beseda.channel.telegram.base-url must be scheme, host and port only, e.g. "
                    + "https://api.telegram.org, not " + baseUrl);
        }
    }

    int port() {
        if (baseUrl.getPort() != -1) {
            return baseUrl.getPort();
        }
        return "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    }

    /** Where a file the Bot API gave a path for is downloaded from. */
    URI fileUrl(String token, String filePath) {
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getHost() + ":" + port() + "/file/bot" + token + "/" + filePath);
    }
}
