package io.beseda.channel.whatsapp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Graph API is and how Beseda talks to it (tests point {@code base-url} at a local stand-in).
 *
 * @param baseUrl              the Graph API, {@code https://graph.facebook.com}
 * @param apiVersion           the Graph API version every call names, e.g. {@code v23.0}
 * @param timeout              how long one call may take (connect and read)
 * @param templateSyncInterval how often every WhatsApp account's approved templates are fetched again
 */
@ConfigurationProperties("beseda.channel.whatsapp")
record WhatsAppProperties(@Nullable String baseUrl, @Nullable String apiVersion, @Nullable Duration timeout,
                          @Nullable Duration templateSyncInterval) {

    WhatsAppProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://graph.facebook.com" : baseUrl.replaceAll("/+$", "");
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "v23.0" : apiVersion;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        templateSyncInterval = templateSyncInterval == null ? Duration.ofMinutes(30) : templateSyncInterval;
    }
}
