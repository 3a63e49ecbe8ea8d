package io.beseda.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;

/**
 * A customer's thread in one inbox; replies go to the channel and address they last wrote from.
 *
 * @param waitingSince  since when the customer has waited for an answer; null when the shop spoke last
 * @param responseDueAt when the current answer is due by the team's SLA (business hours only)
 * @param slaBreachedAt when the current wait passed its due time; null while on time
 */
public record Conversation(UUID id, CustomerId customer, UUID inboxId, ConversationStatus status, Channel lastChannel,
                           @Nullable String lastAddress, Instant lastMessageAt, Instant createdAt, @Nullable UUID teamId,
                           @Nullable UUID assigneeId, Priority priority, List<String> labels, @Nullable Instant snoozedUntil,
                           @Nullable Instant waitingSince, @Nullable Instant responseDueAt, @Nullable Instant slaBreachedAt) {

    public Conversation {
        labels = List.copyOf(labels);
    }
}
