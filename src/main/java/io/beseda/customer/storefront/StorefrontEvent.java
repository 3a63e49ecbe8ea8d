package io.beseda.customer.storefront;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.beseda.customer.Identity;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event as the shop sent it, validated and with its customer identities normalised.
 *
 * @param id         the shop's id for the event; a repeated id is a replay and is stored once
 * @param type       one of {@link #KNOWN_TYPES}, or any other name, kept as a custom event
 * @param occurredAt when it happened on the site
 * @param identities who did it (at least one)
 * @param properties the event's details as sent
 */
public record StorefrontEvent(String id, String type, Instant occurredAt, List<Identity> identities,
                              ObjectNode properties) {

    public static final Set<String> KNOWN_TYPES = Set.of("product_viewed", "category_viewed", "search",
            "cart_updated", "checkout_started", "order_placed", "order_status_changed", "session_started");

    public boolean custom() {
        return !KNOWN_TYPES.contains(type);
    }

    /** The customer key of this event inside a batch: events with the same identities resolve together. */
    String identityKey() {
        return identities.stream().map(Identity::toString).sorted().reduce((a, b) -> a + "|" + b).orElseThrow();
    }
}
