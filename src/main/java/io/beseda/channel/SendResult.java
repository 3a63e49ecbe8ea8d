package io.beseda.channel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What the provider answered: accepted, try again later (maybe after a given time), or never. */
public sealed interface SendResult {

    record Sent(String providerMessageId) implements SendResult {
    }

    record Transient(String reason, @Nullable Duration retryAfter) implements SendResult {
    }

    record Permanent(String reason) implements SendResult {
    }
}
