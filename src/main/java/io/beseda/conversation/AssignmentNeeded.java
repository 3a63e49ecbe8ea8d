package io.beseda.conversation;

import java.util.UUID;

import io.beseda.workspace.WorkspaceId;

/**
 * Something may let a team's queue move: a chat opened, an operator freed up, came online, got more
 * capacity or joined. Handled after commit, in a transaction of its own (see {@link AssignmentQueue}).
 */
record AssignmentNeeded(WorkspaceId workspaceId, UUID teamId) {
}
