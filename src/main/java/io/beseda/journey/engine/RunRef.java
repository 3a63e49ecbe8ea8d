package io.beseda.journey.engine;

import java.time.Instant;
import java.util.UUID;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** Whose run this is: the customer, the journey and the version they entered. */
public record RunRef(UUID id, WorkspaceId workspace, UUID journeyId, int version, CustomerId customer, Instant enteredAt) {
}
