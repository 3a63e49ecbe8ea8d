package io.beseda.channel;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.WorkspaceId;

/** What a connector is asked to send: one message, to one address, through one account. */
public record Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, @Nullable String address,
                       String body, boolean template) {
}
