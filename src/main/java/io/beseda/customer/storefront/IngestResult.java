package io.beseda.customer.storefront;

import java.util.List;

/**
 * What became of a batch: events stored, replays of events already stored, events dropped because they
 * belong to an erased customer, and events refused with the reasons, by their position in the batch.
 */
public record IngestResult(int accepted, int duplicates, int ignored, List<Rejection> rejected) {

    public record Rejection(int index, String id, List<FieldError> errors) {
    }

    public record FieldError(String field, String message) {
    }
}
