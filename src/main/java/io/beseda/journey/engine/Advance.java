package io.beseda.journey.engine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The result of moving a run: its new state and status, what the steps did, and what it waits for now.
 *
 * @param changed false when the wake was not for this run's current position (a stale timer, a redelivered event)
 */
public record Advance(boolean changed, RunState state, Status status, @Nullable String endReason, List<Execution> executions,
                     @Nullable Instant wakeAt, @Nullable UUID waitingMessage, @Nullable String waitingEvent) {

    public enum Status { ACTIVE, COMPLETED, EXITED }

    public Advance {
        executions = List.copyOf(executions);
    }
}
