package io.beseda.consent.request;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/** A customer's request about their personal data, with the date the law says it must be done by. */
public record DataRequest(UUID id, CustomerId customer, Kind kind, Status status, Instant receivedAt, Instant dueAt,
                          @Nullable Instant completedAt, String requestedVia, @Nullable String note,
                          @Nullable String result, @Nullable String handledBy) {

    /**
     * EXPORT and STOP_PROCESSING: 10 working days (152-FZ art. 14 and 21 part 5.1); ERASURE after consent is
     * withdrawn: 30 days (art. 21 part 5).
     */
    public enum Kind { EXPORT, STOP_PROCESSING, ERASURE }

    public enum Status { OPEN, DONE, REJECTED }

    public boolean overdue(Instant now) {
        return status == Status.OPEN && now.isAfter(dueAt);
    }
}
