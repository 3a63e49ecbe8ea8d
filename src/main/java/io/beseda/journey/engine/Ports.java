package io.beseda.journey.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.CouponTerms;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;

/**
 * What the engine asks of the world. Every call that changes something is idempotent by the key it is given,
 * so a run woken twice for the same step does its work once.
 */
public interface Ports {

    sealed interface SendAttempt {
        record Queued(UUID messageId) implements SendAttempt {
        }

        /** @param reason UNREACHABLE (no address on the channel), TEMPLATE (the text does not render) or a policy reason */
        record NotSent(String reason, String detail) implements SendAttempt {
        }
    }

    /** Renders and queues the message through the outbox, whose send policy has the last word. */
    SendAttempt send(RunRef run, RunState state, Step.Send step, Channel channel, Message message, String key);

    /** When the customer last did anything on the site; null if never. */
    @Nullable Instant lastActivity(RunRef run);

    /** How many messages this journey sent the customer since {@code since} (all runs). */
    int messagesSince(RunRef run, Instant since);

    /** The customer's channels, the one they answered on most recently first. */
    List<Channel> preferredChannels(RunRef run);

    /** The value of a condition's field for this customer now (see {@link io.beseda.journey.definition.Condition}). */
    @Nullable String fact(RunRef run, RunState state, String field);

    boolean inSegment(RunRef run, UUID segment);

    RunState.IssuedCoupon issueCoupon(RunRef run, CouponTerms terms, String key);

    /** Sets (or, with null, removes) the profile attribute; returns what happened, in a few words. Never throws. */
    String setAttribute(RunRef run, String attribute, @Nullable String value);

    /** Calls the shop's webhook; returns what happened, in a few words. Never throws. */
    String callWebhook(RunRef run, RunState state, Step.CallWebhook step, String key);

    ZoneId zone(RunRef run);

    /** Waiting this long is pointless: used to keep wakes within reason. */
    default Duration longestWait() {
        return Duration.ofDays(60);
    }
}
