package io.beseda.conversation;

import java.util.UUID;

import io.beseda.workspace.WorkspaceId;

/** A thread grew: the console refreshes, the bot may answer, analytics counts. */
public record MessageAppended(WorkspaceId workspaceId, UUID conversationId, UUID messageId,
                              ConversationMessage.Direction direction) {
}
