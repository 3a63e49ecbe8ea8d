package io.beseda.journey.runtime;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.journey.definition.JourneyDefinition;

/** One version of a journey: a draft until launched, then fixed for the customers inside it. */
public record JourneyVersion(UUID journeyId, int version, JourneyDefinition definition, Instant createdAt,
                             @Nullable Instant launchedAt) {
}
