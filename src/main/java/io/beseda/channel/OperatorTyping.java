package io.beseda.channel;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * An operator is typing an answer to this customer. Ephemeral: a plain Spring event (the inbox publishes
 * it, throttled); channels that can show it, such as the web chat, listen with {@code @EventListener}.
 */
public record OperatorTyping(WorkspaceId workspaceId, CustomerId customer, Channel channel) {
}
