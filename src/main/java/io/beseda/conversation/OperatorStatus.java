package io.beseda.conversation;

/** Whether an operator takes new chats: only {@code ONLINE} ones are handed chats automatically. */
public enum OperatorStatus {
    ONLINE, AWAY, OFFLINE
}
