package io.beseda.conversation;

import java.util.UUID;

import io.beseda.workspace.WorkspaceId;

/**
 * Something about a conversation other than its messages changed — status, operator, team, priority,
 * labels, SLA state, a rating: the inbox redraws its row and header.
 */
public record ConversationChanged(WorkspaceId workspaceId, UUID conversationId, Change change) {

    public enum Change { STATUS, ASSIGNMENT, PRIORITY, LABELS, SLA, CSAT, READ }
}
