package io.beseda.channel.max;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where MAX's Bot API is and how long Beseda waits for it.
 *
 * @param baseUrl the Bot API; MAX moved it to platform-api2.max.ru in 2026 (the old platform-api.max.ru is being
 *                switched off), and the new host's TLS certificate is issued by the Russian Ministry of Digital
 *                Development's root CA, which the JVM must trust (see docs/channels/max.md)
 * @param timeout how long one call may take, connecting included
 */
@ConfigurationProperties("beseda.channel.max")
record MaxProperties(@Nullable URI baseUrl, @Nullable Duration timeout) {

    static final URI DEFAULT_BASE_URL = URI.create("https://platform-api2.max.ru");

    MaxProperties {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }
}
