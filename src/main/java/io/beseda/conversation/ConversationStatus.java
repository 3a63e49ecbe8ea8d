package io.beseda.conversation;

/** Open (needs an operator), pending (the bot holds it), snoozed, or resolved (reopens when the customer writes). */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED
}
