package io.beseda.consent;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A customer refused a purpose in a channel (in every channel when {@code channel} is empty). Journeys
 * and campaigns drop what they had planned for them; the send policy already refuses it.
 */
public record ConsentWithdrawn(WorkspaceId workspaceId, CustomerId customerId, ConsentPurpose purpose,
                               @Nullable Channel channel, ConsentSource source) {
}
