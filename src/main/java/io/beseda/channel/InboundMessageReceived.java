package io.beseda.channel;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A customer's message was stored (once); conversations append it, the bot may answer.
 *
 * @param accountId the account it came through (decides the inbox); null for messages no account brought
 */
public record InboundMessageReceived(WorkspaceId workspaceId, UUID messageId, CustomerId customer, Channel channel,
                                     @Nullable UUID accountId) {
}
