package io.beseda.channel.push;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.SendResult;

/** What a push service or FCM said about one browser or device. */
record PushAnswer(Kind kind, String reason, @Nullable Duration retryAfter) {

    enum Kind {
        /** it has the notification */
        TAKEN,
        /** the subscription or token is no more: forget it */
        GONE,
        /** busy or down: try again */
        LATER,
        /** never for this target */
        REFUSED
    }

    static final PushAnswer TAKEN = new PushAnswer(Kind.TAKEN, "", null);
    static final PushAnswer GONE = new PushAnswer(Kind.GONE, "", null);

    static PushAnswer later(String reason, @Nullable Duration retryAfter) {
        return new PushAnswer(Kind.LATER, reason, retryAfter);
    }

    static PushAnswer refused(String reason) {
        return new PushAnswer(Kind.REFUSED, reason, null);
    }

    /**
     * The message's fate over all of a customer's targets: sent when one took it; else later when one was busy
     * (after the longest wait any asked for); else never, with the reason one gave.
     */
    static final class Outcome {

        private boolean taken;
        private @Nullable String later;
        private @Nullable Duration retryAfter;
        private @Nullable String refused;

        void taken() {
            taken = true;
        }

        void add(PushAnswer answer) {
            if (answer.kind() == Kind.LATER) {
                later = answer.reason();
                if (answer.retryAfter() != null && (retryAfter == null || answer.retryAfter().compareTo(retryAfter) > 0)) {
                    retryAfter = answer.retryAfter();
                }
            } else if (answer.kind() == Kind.REFUSED) {
                refused = answer.reason();
            }
        }

        SendResult result(String providerMessageId, String noTarget) {
            if (taken) {
                return new SendResult.Sent(providerMessageId);
            }
            if (later != null) {
                return new SendResult.Transient(later, retryAfter);
            }
            return new SendResult.Permanent(refused != null ? refused : noTarget);
        }
    }
}
