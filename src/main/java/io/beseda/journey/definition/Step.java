package io.beseda.journey.definition;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.beseda.consent.Channel;

/**
 * One step of a journey. {@code next} names the step that follows; empty means the one after it in the list
 * (and after the last step, the end).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Step.Send.class, name = "send"),
        @JsonSubTypes.Type(value = Step.Delay.class, name = "delay"),
        @JsonSubTypes.Type(value = Step.WaitUntilTime.class, name = "wait_until_time"),
        @JsonSubTypes.Type(value = Step.WaitForEvent.class, name = "wait_for_event"),
        @JsonSubTypes.Type(value = Step.Branch.class, name = "branch"),
        @JsonSubTypes.Type(value = Step.Split.class, name = "split"),
        @JsonSubTypes.Type(value = Step.SetAttribute.class, name = "set_attribute"),
        @JsonSubTypes.Type(value = Step.IssueCoupon.class, name = "coupon"),
        @JsonSubTypes.Type(value = Step.CallWebhook.class, name = "webhook"),
        @JsonSubTypes.Type(value = Step.Exit.class, name = "exit")})
public sealed interface Step {

    String id();

    /** The marketer's label for the step. */
    String name();

    /** The step after this one, when it always goes to one; null for the next in the list. */
    default @Nullable String next() {
        return null;
    }

    /**
     * Sends on the first channel of the chain the customer can be reached on, and fails over to the next one
     * when the message is not delivered, or (with {@code readWithin}) not read within that time.
     *
     * @param bestChannel the chain starts with the channel the customer answered on last, where it is in the chain
     */
    record Send(String id, String name, List<Channel> channels, Map<Channel, Message> messages, boolean bestChannel,
                @Nullable Duration readWithin, @Nullable String next) implements Step {
        public Send {
            channels = List.copyOf(channels);
            messages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        }
    }

    record Delay(String id, String name, Duration duration, @Nullable String next) implements Step {
    }

    /** Waits until the next occurrence of this time of day in the customer's time zone. */
    record WaitUntilTime(String id, String name, LocalTime time, @Nullable String next) implements Step {
    }

    /** Waits for the customer's storefront event; without it within {@code timeout}, goes to {@code onTimeout}. */
    record WaitForEvent(String id, String name, String eventType, Duration timeout, @Nullable String onTimeout,
                        @Nullable String next) implements Step {
    }

    record Branch(String id, String name, List<Condition> conditions, @Nullable String then, @Nullable String otherwise)
            implements Step {
        public Branch {
            conditions = List.copyOf(conditions);
        }
    }

    record Split(String id, String name, List<Variant> variants) implements Step {
        public Split {
            variants = List.copyOf(variants);
        }
    }

    record SetAttribute(String id, String name, String attribute, @Nullable String value, @Nullable String next)
            implements Step {
    }

    record IssueCoupon(String id, String name, CouponTerms terms, @Nullable String next) implements Step {
    }

    /** Posts the run's facts, signed, to the shop's system; the journey goes on whatever it answers. */
    record CallWebhook(String id, String name, URI url, @Nullable String next) implements Step {
    }

    record Exit(String id, String name) implements Step {
    }
}
