package io.beseda.customer;

import io.beseda.workspace.WorkspaceId;

/**
 * The customer now matches the segment's rule and was added to it: after new storefront activity, a
 * merge, the passing of time, or because the segment was created or its rule changed. Published once
 * per change, in the transaction that changed the membership.
 */
public record SegmentEntered(WorkspaceId workspaceId, SegmentId segmentId, CustomerId customerId) {
}
