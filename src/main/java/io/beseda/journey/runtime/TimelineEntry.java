package io.beseda.journey.runtime;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * One moment of a test run: when (on the virtual clock), which step, what happened, on which channel, the
 * text that would go out, and why (a skip's reason, a deferral's rule).
 */
public record TimelineEntry(Instant at, String stepId, String stepName, String what, @Nullable Channel channel,
                            @Nullable String text, String why) {
}
