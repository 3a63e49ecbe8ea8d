package io.beseda.customer;

import java.util.List;

import io.beseda.workspace.WorkspaceId;

/** Storefront events were stored for these customers; segments and journeys re-check them. */
public record CustomerActivityRecorded(WorkspaceId workspaceId, List<CustomerId> customers) {
}
