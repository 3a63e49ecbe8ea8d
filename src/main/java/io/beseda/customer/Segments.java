package io.beseda.customer;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.WorkspaceId;

/**
 * Segments of a workspace and who is in them, for other modules (campaigns send to a segment, journeys
 * start on {@link SegmentEntered}). Membership never includes erased customers or merged-away profiles.
 */
public interface Segments {

    /** All segments, built-in ones first; creates the built-in ones on first use. */
    List<Segment> list(WorkspaceId workspace);

    Optional<Segment> find(WorkspaceId workspace, SegmentId segment);

    /** The segment, or {@link io.beseda.shared.NotFoundException} when the workspace has no such segment. */
    Segment get(WorkspaceId workspace, SegmentId segment);

    /** The segments the customer (or the profile it was merged into) is in now. */
    List<Segment> of(WorkspaceId workspace, CustomerId customer);

    boolean contains(WorkspaceId workspace, SegmentId segment, CustomerId customer);

    /**
     * Members in a stable order, a page at a time: pass the last id of the previous page as {@code after}
     * (null for the first page), so large segments can be walked without missing anyone.
     */
    List<CustomerId> members(WorkspaceId workspace, SegmentId segment, @Nullable CustomerId after, int limit);
}
