package io.beseda.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.beseda.workspace.WorkspaceId;

/**
 * Storefront events stored for the first time (a replay is not announced again), for journeys: a cart
 * changed, an order was placed or moved on, anything a journey waits for. Properties are the event's own
 * scalar values as text (at most 20, each cut to 200 characters); items and other structures stay in the store.
 */
public record StorefrontEventsRecorded(WorkspaceId workspaceId, List<Recorded> events) {

    public record Recorded(CustomerId customer, String eventId, String type, Instant occurredAt, Map<String, String> properties) {
    }

    public StorefrontEventsRecorded {
        events = List.copyOf(events);
    }
}
