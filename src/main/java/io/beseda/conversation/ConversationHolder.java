package io.beseda.conversation;

import java.util.UUID;

import io.beseda.workspace.WorkspaceId;

/**
 * Who takes an inbox's new conversations before an operator does: when one holds it, a new (or resolved)
 * conversation starts in {@link ConversationStatus#PENDING}, out of the queue and the SLA, and each message
 * the customer writes there is announced as {@link HeldMessageReceived}. The bot implements this; it is
 * asked for every customer message, so an answer must come from memory.
 */
public interface ConversationHolder {

    boolean holds(WorkspaceId workspace, UUID inboxId);
}
