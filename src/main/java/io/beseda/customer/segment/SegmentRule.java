package io.beseda.customer.segment;

import io.beseda.customer.SegmentId;

/** A segment's rule as stored (JSON text), which is all evaluation needs to know of it. */
record SegmentRule(SegmentId id, String rule) {

    static SegmentRule of(StoredSegment stored) {
        return new SegmentRule(stored.segment().id(), stored.rule());
    }
}
