package io.beseda.channel;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** An outbound message moved on; journeys use FAILED (and later DELIVERED/READ) for channel failover. */
public record MessageStatusChanged(WorkspaceId workspaceId, MessageId messageId, CustomerId customer, Channel channel,
                                   MessageStatus status, @Nullable String reason) {
}
