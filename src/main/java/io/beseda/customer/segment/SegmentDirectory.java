package io.beseda.customer.segment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Segment;
import io.beseda.customer.SegmentId;
import io.beseda.customer.Segments;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;

/** The {@link Segments} other modules see. */
@Service
class SegmentDirectory implements Segments {

    private final SegmentStore store;
    private final Membership membership;
    private final Customers customers;
    private final Clock clock;

    SegmentDirectory(SegmentStore store, Membership membership, Customers customers, Clock clock) {
        this.store = store;
        this.membership = membership;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Segment> list(WorkspaceId workspace) {
        return stored(workspace).stream().map(StoredSegment::segment).toList();
    }

    /** The segments with their rules, after creating the built-in ones on first use. */
    @Transactional
    List<StoredSegment> stored(WorkspaceId workspace) {
        store.ensureBuiltIns(workspace, clock.instant());
        return store.list(workspace);
    }

    @Override
    public Optional<Segment> find(WorkspaceId workspace, SegmentId segment) {
        return store.find(workspace, segment).map(StoredSegment::segment);
    }

    @Override
    public Segment get(WorkspaceId workspace, SegmentId segment) {
        return find(workspace, segment).orElseThrow(() -> new NotFoundException("Segment", segment));
    }

    @Override
    public List<Segment> of(WorkspaceId workspace, CustomerId customer) {
        return customers.find(workspace, customer)
                .map(found -> store.withMember(workspace, found.id()).stream().map(StoredSegment::segment).toList())
                .orElse(List.of());
    }

    @Override
    public boolean contains(WorkspaceId workspace, SegmentId segment, CustomerId customer) {
        return customers.find(workspace, customer)
                .map(found -> membership.isMember(workspace, segment, found.id()))
                .orElse(false);
    }

    @Override
    public List<CustomerId> members(WorkspaceId workspace, SegmentId segment, @Nullable CustomerId after, int limit) {
        return membership.memberIds(workspace, segment, after, limit);
    }
}
