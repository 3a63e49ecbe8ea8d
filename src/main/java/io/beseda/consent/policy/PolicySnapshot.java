package io.beseda.consent.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.ConsentStatus;
import io.beseda.consent.SendPolicySettings;

/**
 * What the rules know when they decide on one message for one customer in one channel.
 *
 * @param zone             the customer's time zone, or the workspace's when theirs is unknown
 * @param marketingConsent the current marketing consent for the message's channel
 * @param suppressed       the customer, or an address of theirs, is suppressed for the message's channel
 * @param marketingSends   marketing messages sent to the customer in the 7 days before the moment decided for
 * @param lastInbound      when the customer last wrote in the message's channel
 */
public record PolicySnapshot(boolean erased, ZoneId zone, SendPolicySettings settings, ConsentStatus marketingConsent,
                             boolean suppressed, List<MarketingSend> marketingSends, @Nullable Instant lastInbound) {

    public PolicySnapshot {
        marketingSends = marketingSends.stream().sorted(Comparator.comparing(MarketingSend::sentAt)).toList();
    }
}
