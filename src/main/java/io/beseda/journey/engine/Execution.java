package io.beseda.journey.engine;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * What a step did for a run, once: its key is unique in the run, so doing the step again records nothing new.
 *
 * @param outcome ENTERED, QUEUED, SENT, DELIVERED, READ, FAILED, NOT_SENT, NOT_READ, DEFERRED_ACTIVE, CAPPED, WAITING,
 *                DONE, THEN, OTHERWISE, VARIANT, CONTROL, EVENT, TIMEOUT, EXIT
 */
public record Execution(String stepId, String key, String kind, String outcome, @Nullable Channel channel,
                        @Nullable UUID messageId, String detail, Instant at) {
}
