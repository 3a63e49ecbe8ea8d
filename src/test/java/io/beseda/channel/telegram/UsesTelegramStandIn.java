package io.beseda.channel.telegram;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the application's Telegram client at the stand-in. One method shared by every Telegram test class, so
 * they share one application context too (Spring keys its context cache by the property-source methods).
 */
interface UsesTelegramStandIn {

    @DynamicPropertySource
    static void telegramBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("beseda.channel.telegram.base-url", TelegramStandIn::baseUrl);
    }
}
