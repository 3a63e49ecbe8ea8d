package io.beseda.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;

/** A customer's thread; replies go to the channel and address they last wrote from. */
public record Conversation(UUID id, CustomerId customer, ConversationStatus status, Channel lastChannel,
                           @Nullable String lastAddress, Instant lastMessageAt, Instant createdAt) {
}
