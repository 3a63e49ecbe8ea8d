package io.beseda.channel.dispatch;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Each account's send rate, as its provider allows, with Bucket4j token buckets. Per node: with several
 * nodes the provider sees up to N times the rate; a shared (PostgreSQL-backed) bucket is the next step.
 */
@Component
class RateLimits {

    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes a token: zero when the message may go now, otherwise how long until one is free. */
    Duration take(ChannelAccount account) {
        var bucket = buckets.computeIfAbsent(account.id(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(account.ratePerSecond())
                        .refillGreedy(account.ratePerSecond(), Duration.ofSeconds(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
