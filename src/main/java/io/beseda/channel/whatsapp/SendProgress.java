package io.beseda.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageId;

/**
 * Which parts of a message WhatsApp already took, when a later part failed and the message waits for its retry:
 * the retry goes on from there rather than sending the customer the first parts again. Kept per node for a day;
 * a retry on another node (or after a restart) starts over, so the customer may then see a part twice.
 */
@Component
class SendProgress {

    record Done(int parts, String lastId, Instant at) {
    }

    private static final Duration KEPT = Duration.ofDays(1);
    private static final int MAX = 50_000;

    private final ConcurrentHashMap<MessageId, Done> done = new ConcurrentHashMap<>();
    private final Clock clock;

    SendProgress(Clock clock) {
        this.clock = clock;
    }

    @Nullable Done of(MessageId message) {
        var known = done.get(message);
        return known == null || known.at().plus(KEPT).isBefore(clock.instant()) ? null : known;
    }

    void remember(MessageId message, int parts, String lastId) {
        if (done.size() >= MAX) {
            var cutoff = clock.instant().minus(KEPT);
            done.values().removeIf(d -> d.at().isBefore(cutoff));
        }
        done.put(message, new Done(parts, lastId, clock.instant()));
    }

    void forget(MessageId message) {
        done.remove(message);
    }
}
