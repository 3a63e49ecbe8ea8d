package io.beseda.customer;

import io.beseda.workspace.WorkspaceId;

/**
 * The customer no longer matches the segment's rule (or was erased or merged into another profile) and
 * was removed from it. Published once per change, in the transaction that changed the membership.
 */
public record SegmentLeft(WorkspaceId workspaceId, SegmentId segmentId, CustomerId customerId) {
}
