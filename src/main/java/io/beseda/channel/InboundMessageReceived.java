package io.beseda.channel;

import java.util.UUID;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** A customer's message was stored (once); conversations append it, the bot may answer. */
public record InboundMessageReceived(WorkspaceId workspaceId, UUID messageId, CustomerId customer, Channel channel) {
}
