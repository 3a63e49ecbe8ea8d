package io.beseda.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationStatus;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Segment;

/** The side panel beside a thread: who the customer is, what they have in the cart, what they ordered, where else they wrote. */
record CustomerPanel(CustomerId id, @Nullable String name, boolean erased, List<String> phones, List<String> emails,
                     @Nullable String city, List<Segment> segments, @Nullable Cart cart, List<Order> orders,
                     List<Past> past) {

    record Cart(List<Item> items, String total) {
    }

    record Item(String name, long quantity) {
    }

    /** @param status the shop's status code; the page says it in words where it knows it */
    record Order(String orderId, String status, String total, Instant placedAt) {
    }

    /** Another conversation of the same customer, in another inbox. */
    record Past(UUID id, String inbox, ConversationStatus status, Channel channel, Instant lastMessageAt) {
    }
}
