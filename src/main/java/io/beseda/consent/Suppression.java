package io.beseda.consent;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/**
 * A customer or an address that must not get service or marketing messages (a bounce, a complaint, a
 * legal hold), in one channel or, when {@code channel} is empty, in all.
 */
public record Suppression(UUID id, @Nullable Channel channel, @Nullable String address, @Nullable CustomerId customerId,
                          String reason, Instant createdAt, String createdBy) {
}
