package io.beseda.consent.policy;

import java.time.Instant;

import io.beseda.consent.Channel;

/** A marketing message that went out: what the frequency caps count. */
public record MarketingSend(Channel channel, Instant sentAt) {
}
