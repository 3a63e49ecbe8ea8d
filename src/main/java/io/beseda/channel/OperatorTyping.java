package io.beseda.channel;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** An operator is typing a reply to this customer: channels that can show it (the web-chat widget) do. */
public record OperatorTyping(WorkspaceId workspaceId, CustomerId customer, Channel channel) {
}
