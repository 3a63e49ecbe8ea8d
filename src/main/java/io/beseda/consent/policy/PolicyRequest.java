package io.beseda.consent.policy;

import java.time.Instant;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;

/** The message to decide on, reduced to what the rules look at. */
public record PolicyRequest(Channel channel, MessageCategory category, Instant at, boolean template) {
}
