package io.beseda.consent;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** Whom an unsubscribe link is for: one customer of one workspace, about marketing in one channel. */
public record UnsubscribeTarget(WorkspaceId workspaceId, CustomerId customerId, Channel channel) {
}
