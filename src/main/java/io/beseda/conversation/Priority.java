package io.beseda.conversation;

/** How urgent a conversation is; the inbox sorts and the queue hands out urgent ones first. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
