package io.beseda.consent;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/**
 * A stored decision of the send policy: what was asked, when, by whom, and the answer.
 *
 * @param decidedFor the moment a dry run asked about, when it was not the moment of asking
 */
public record RecordedDecision(UUID id, CustomerId customerId, Channel channel, MessageCategory category,
                               Instant decidedAt, @Nullable Instant decidedFor, SendDecision decision,
                               boolean dryRun, @Nullable String messageRef, String decidedBy) {
}
