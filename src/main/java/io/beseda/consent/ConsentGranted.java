package io.beseda.consent;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** A customer agreed to a purpose in a channel. */
public record ConsentGranted(WorkspaceId workspaceId, CustomerId customerId, ConsentPurpose purpose,
                             @Nullable Channel channel) {
}
