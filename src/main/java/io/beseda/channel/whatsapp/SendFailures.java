package io.beseda.channel.whatsapp;

import java.time.Duration;

import io.beseda.channel.SendResult;

/**
 * What a refusal from the Cloud API means for the message: try again later (rate limits, Meta's own trouble)
 * or never (a bad token, the 24-hour window, a customer not on WhatsApp). Decided by Meta's error code, which
 * its documentation recommends over the HTTP status; the status decides only for codes not listed here.
 */
final class SendFailures {

    /** WhatsApp lets one business send one customer about one message every 6 seconds (with short bursts). */
    static final Duration PAIR_PACE = Duration.ofSeconds(6);

    /** Throughput (80 messages a second per number by default) frees up within a second or two. */
    static final Duration THROUGHPUT_PAUSE = Duration.ofSeconds(2);

    private SendFailures() {
    }

    static SendResult of(GraphApi.Answer answer) {
        var code = answer.code();
        var said = "WhatsApp " + (code == 0 ? "HTTP " + answer.status() : "#" + code) + ": " + answer.error();
        return switch (code) {
            case 131056 -> new SendResult.Transient("Too many messages to this customer at once (pair rate limit); " + said,
                    answer.retryAfter() != null ? answer.retryAfter() : PAIR_PACE);
            case 130429, 4, 80007 -> new SendResult.Transient("The number's or app's rate limit was reached; " + said,
                    answer.retryAfter() != null ? answer.retryAfter() : THROUGHPUT_PAUSE);
            case 131048 -> new SendResult.Transient("Meta holds back messages from this number (spam rate limit, see its quality "
                    + "rating in WhatsApp Manager); " + said, answer.retryAfter());
            case 1, 2, 131000, 131016, 133004 -> new SendResult.Transient("Meta's service failed for a moment; " + said, answer.retryAfter());
            case 131047 -> new SendResult.Permanent("More than 24 hours have passed since the customer last wrote: "
                    + "WhatsApp takes only an approved template now (" + said + ")");
            case 0, 190 -> answer.status() == 401 || code == 190
                    ? new SendResult.Permanent("The WhatsApp access token is invalid or expired: paste a new permanent token in "
                    + "Settings → Messengers (" + said + ")")
                    : byStatus(answer, said);
            case 10, 200 -> new SendResult.Permanent("The access token lacks the whatsapp_business_messaging permission (" + said + ")");
            case 131026 -> new SendResult.Permanent("The message cannot reach this customer: the number is not on WhatsApp, "
                    + "or their app is too old, or they have not accepted WhatsApp's terms (" + said + ")");
            case 131050 -> new SendResult.Permanent("The customer stopped marketing messages from this business in WhatsApp (" + said + ")");
            case 132000, 132001, 132005, 132007, 132012, 132015, 132016 ->
                    new SendResult.Permanent("The template cannot be sent as asked (" + said + ")");
            default -> byStatus(answer, said);
        };
    }

    private static SendResult byStatus(GraphApi.Answer answer, String said) {
        if (answer.status() == 429) {
            return new SendResult.Transient(said, answer.retryAfter());
        }
        if (answer.status() >= 500) {
            return new SendResult.Transient(said, answer.retryAfter());
        }
        if (answer.status() == 401) {
            return new SendResult.Permanent("The WhatsApp access token is invalid or expired (" + said + ")");
        }
        return new SendResult.Permanent(said);
    }
}
