package io.beseda.customer;

import java.util.UUID;

/** Identifies a segment within a workspace. */
public record SegmentId(UUID value) {

    public static SegmentId random() {
        return new SegmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
