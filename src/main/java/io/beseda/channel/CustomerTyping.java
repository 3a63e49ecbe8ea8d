package io.beseda.channel;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * The customer is typing in a channel that says so (the web chat). Ephemeral: a plain Spring event that
 * nothing stores; the inbox shows it while it is fresh. Publishers throttle it to one every few seconds.
 */
public record CustomerTyping(WorkspaceId workspaceId, CustomerId customer, Channel channel) {
}
