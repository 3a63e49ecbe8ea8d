package io.beseda.channel.max;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.SendResult;

/**
 * A call to MAX that did not succeed: MAX answered an error ({@code {"code": "…", "message": "…"}}), or it was
 * not reached at all ({@link #status} 0).
 */
final class MaxCallFailed extends RuntimeException {

    /** MAX's code for "the file you just uploaded is still being processed; send again a little later". */
    static final String ATTACHMENT_NOT_READY = "attachment.not.ready";

    private static final Duration RATE_LIMITED_PAUSE = Duration.ofSeconds(1);
    private static final Duration PROCESSING_PAUSE = Duration.ofSeconds(3);

    private final int status;
    private final @Nullable String code;
    private final @Nullable Duration retryAfter;

    MaxCallFailed(int status, @Nullable String code, String message, @Nullable Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static MaxCallFailed unreachable(String what, Exception cause) {
        var reason = cause instanceof javax.net.ssl.SSLException || cause.getCause() instanceof javax.net.ssl.SSLException
                ? "TLS: the JVM does not trust MAX's certificate (import the Russian Trusted Root CA into its truststore)"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        var failed = new MaxCallFailed(0, null, "MAX was not reached (" + what + "): " + reason, null);
        failed.initCause(cause);
        return failed;
    }

    int status() {
        return status;
    }

    @Nullable String code() {
        return code;
    }

    /**
     * What the dispatcher should do: wait and try again for rate limits, MAX's own trouble, a network failure
     * and a photo still being processed; give up on a bad token, a customer who blocked the bot and a request
     * MAX will never take.
     */
    SendResult toSendResult() {
        if (status == 0 || status >= 500) {
            return new SendResult.Transient(getMessage(), null);
        }
        if (status == 429) {
            return new SendResult.Transient(getMessage(), retryAfter != null ? retryAfter : RATE_LIMITED_PAUSE);
        }
        if (ATTACHMENT_NOT_READY.equals(code)) {
            return new SendResult.Transient(getMessage(), PROCESSING_PAUSE);
        }
        return new SendResult.Permanent(getMessage());
    }
}
