package io.beseda.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/** One entry of a thread: the customer's message (IN), the shop's reply (OUT) or a private note (NOTE). */
public record ConversationMessage(UUID id, Direction direction, @Nullable Channel channel, String text,
                                  @Nullable String author, @Nullable UUID outboundMessageId, Instant at) {

    public enum Direction { IN, OUT, NOTE }
}
