package io.beseda.customer.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerHistory;

/**
 * What the customer's profile page shows, already in words: the phone as people read it, identities by
 * kind, attributes by label, the cart and orders with amounts, a page of the timeline. Nothing personal
 * for an erased customer.
 */
record ProfilePage(Customer customer, @Nullable String phone, List<IdentityLine> identities, List<AttributeLine> attributes,
                   @Nullable CartView cart, List<OrderView> orders, List<CustomerHistory.RecentView> views,
                   TimelinePage timeline, List<MergeLine> merges) {

    /** @param kind the kind's message key suffix, e.g. PHONE */
    record IdentityLine(String kind, String value, boolean valid) {
    }

    record AttributeLine(String label, String value) {
    }

    record CartView(List<ItemLine> items, String total, @Nullable Instant updatedAt) {
    }

    record ItemLine(String name, long quantity, @Nullable String price) {
    }

    record OrderView(String orderId, String status, String total, Instant placedAt, List<StatusLine> history,
                     List<ItemLine> items) {
    }

    record StatusLine(String status, Instant at) {
    }

    record MergeLine(String mergedId, String reason, Instant at) {
    }

    /** One page of the timeline, newest first; {@code older} continues it when there is more. */
    record TimelinePage(List<TimelineLine> lines, @Nullable Cursor older) {
    }

    record TimelineLine(String eventId, String type, boolean custom, String text, Instant at, List<String> details) {
    }

    record Cursor(Instant before, String last) {
    }
}
