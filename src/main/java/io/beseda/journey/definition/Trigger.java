package io.beseda.journey.definition;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What enters a customer into a journey. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Trigger.CartAbandoned.class, name = "cart_abandoned"),
        @JsonSubTypes.Type(value = Trigger.OrderStatusChanged.class, name = "order_status_changed"),
        @JsonSubTypes.Type(value = Trigger.EventOccurred.class, name = "event"),
        @JsonSubTypes.Type(value = Trigger.SegmentEntered.class, name = "segment_entered"),
        @JsonSubTypes.Type(value = Trigger.ApiCall.class, name = "api")})
public sealed interface Trigger {

    /** A non-empty cart and no storefront activity for {@code idle} after its last change. */
    record CartAbandoned(Duration idle) implements Trigger {
        public CartAbandoned {
            if (idle.isNegative() || idle.isZero() || idle.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("An abandoned cart waits between a minute and 7 days of quiet");
            }
        }
    }

    /** An order moved to one of these statuses (any status when empty). */
    record OrderStatusChanged(List<String> statuses) implements Trigger {
        public OrderStatusChanged {
            statuses = List.copyOf(statuses);
        }

        public boolean matches(String status) {
            return statuses.isEmpty() || statuses.stream().anyMatch(s -> s.equalsIgnoreCase(status));
        }
    }

    /** Any storefront event of this type (a custom one too), whose properties meet every condition. */
    record EventOccurred(String eventType, List<Condition> conditions) implements Trigger {
        public EventOccurred {
            conditions = List.copyOf(conditions);
            if (eventType.isBlank()) {
                throw new IllegalArgumentException("An event trigger names the event");
            }
        }
    }

    record SegmentEntered(UUID segmentId) implements Trigger {
    }

    /** Entered by the shop's own system: POST /api/v1/journeys/{id}/entries. */
    record ApiCall() implements Trigger {
    }
}
