package io.beseda.channel;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** A customer is typing in a channel that tells us so (the web-chat widget): the operator's thread shows it. */
public record CustomerTyping(WorkspaceId workspaceId, CustomerId customer, Channel channel) {
}
