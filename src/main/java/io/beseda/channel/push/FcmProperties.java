package io.beseda.channel.push;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beseda reaches Firebase Cloud Messaging.
 *
 * @param baseUrl  the HTTP v1 API, {@code <baseUrl>/v1/projects/<project>/messages:send}
 * @param tokenUri Google's OAuth token endpoint; empty takes the service account key's {@code token_uri}
 * @param ttl      how long FCM keeps a notification for a device that is offline (android.ttl)
 * @param timeout  how long one call may take
 */
@ConfigurationProperties("beseda.channel.fcm")
record FcmProperties(@DefaultValue("https://fcm.googleapis.com") String baseUrl, @Nullable String tokenUri,
                     @DefaultValue("P2D") Duration ttl, @DefaultValue("PT15S") Duration timeout) {

    FcmProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        tokenUri = tokenUri == null || tokenUri.isBlank() ? null : tokenUri;
    }
}
