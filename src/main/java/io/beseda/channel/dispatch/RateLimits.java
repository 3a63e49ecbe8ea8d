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

    static final int MAX_CHATS = 100_000;
    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, java.time.Instant> chats = new ConcurrentHashMap<>();

    /**
     * A chat's turn: zero when {@code interval} has passed since the account last sent to {@code address}
     * (and the turn is taken), otherwise how long until it has.
     */
    Duration takeChat(ChannelAccount account, String address, Duration interval, java.time.Instant now) {
        if (interval.isZero()) {
            return Duration.ZERO;
        }
        var key = account.id() + "\u0000" + address;
        var wait = new Duration[] {Duration.ZERO};
        chats.compute(key, (k, last) -> {
            if (last != null && last.plus(interval).isAfter(now)) {
                wait[0] = Duration.between(now, last.plus(interval));
                return last;
            }
            return now;
        });
        if (chats.size() > MAX_CHATS) {
            chats.entrySet().removeIf(e -> e.getValue().plus(Duration.ofMinutes(1)).isBefore(now));
        }
        return wait[0];
    }

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
