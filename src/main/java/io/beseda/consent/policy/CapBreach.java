package io.beseda.consent.policy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.DecisionReason;

/**
 * A frequency cap the message would break.
 *
 * @param freeAt when the rolling window lets one more message through; empty when the cap is 0 and never will
 */
record CapBreach(DecisionReason reason, @Nullable Instant freeAt, String detail) {

    boolean never() {
        return freeAt == null;
    }
}
