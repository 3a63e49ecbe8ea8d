package io.beseda.customer.segment;

import io.beseda.customer.Segment;

/** A segment with its rule as stored: JSON text. */
record StoredSegment(Segment segment, String rule) {
}
