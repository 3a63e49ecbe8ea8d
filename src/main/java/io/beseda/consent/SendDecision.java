package io.beseda.consent;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The send policy's answer for one message: send now, send at {@code deferUntil}, or do not send.
 *
 * @param reason the rule that decided (for a deferral: the first rule in order that deferred)
 * @param detail what exactly the rule saw, for people reading "why was this not sent?"
 */
public record SendDecision(Outcome outcome, @Nullable Instant deferUntil, DecisionReason reason, String detail) {

    public enum Outcome { ALLOW, DEFER, DENY }

    public SendDecision {
        if ((outcome == Outcome.DEFER) != (deferUntil != null)) {
            throw new IllegalArgumentException("A deferral, and only a deferral, names the moment to try again");
        }
    }

    public static SendDecision allow(String detail) {
        return new SendDecision(Outcome.ALLOW, null, DecisionReason.ALLOWED, detail);
    }

    public static SendDecision defer(Instant until, DecisionReason reason, String detail) {
        return new SendDecision(Outcome.DEFER, Objects.requireNonNull(until), reason, detail);
    }

    public static SendDecision deny(DecisionReason reason, String detail) {
        return new SendDecision(Outcome.DENY, null, reason, detail);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
