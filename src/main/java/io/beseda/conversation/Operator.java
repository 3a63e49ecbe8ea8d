package io.beseda.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person who works the inbox, with their availability and load.
 *
 * @param capacity       how many open chats they may hold at once
 * @param openChats      how many open chats they hold now
 * @param lastAssignedAt when a chat was last handed to them (round-robin goes to whoever waited longest)
 */
public record Operator(UUID userId, String name, OperatorStatus status, int capacity, int openChats,
                       @Nullable Instant lastAssignedAt) {

    public static final int DEFAULT_CAPACITY = 5;
    public static final int MAX_CAPACITY = 100;

    public boolean hasRoom() {
        return openChats < capacity;
    }
}
