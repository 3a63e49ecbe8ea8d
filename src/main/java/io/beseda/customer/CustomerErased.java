package io.beseda.customer;

import io.beseda.workspace.WorkspaceId;

/** A customer's personal data was erased on their request; every module removes what it keeps about them. */
public record CustomerErased(WorkspaceId workspaceId, CustomerId customer) {
}
