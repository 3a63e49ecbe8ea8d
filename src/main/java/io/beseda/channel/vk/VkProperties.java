package io.beseda.channel.vk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beseda reaches the VK API and how fast it may call it.
 *
 * @param baseUrl           the API's address, {@code <baseUrl>/method/<name>} (tests point it at a local stand-in)
 * @param apiVersion        the {@code v} every call and the Callback API server speak
 * @param requestsPerSecond calls per community token and second that VK allows (20); each node keeps to it
 */
@ConfigurationProperties("beseda.channel.vk")
record VkProperties(@DefaultValue("https://api.vk.com") String baseUrl, @DefaultValue("5.199") String apiVersion,
                    @DefaultValue("20") int requestsPerSecond) {

    VkProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("beseda.channel.vk.requests-per-second must be at least 1");
        }
    }
}
