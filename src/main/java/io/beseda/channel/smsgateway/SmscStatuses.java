package io.beseda.channel.smsgateway;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.MessageStatus;

/** SMSC.ru's message status codes (https://smsc.ru/api/http/status_messages/) in Beseda's words. */
final class SmscStatuses {

    sealed interface Outcome {

        /** Delivered to the phone (1) or read (2, where the channel reports it). */
        record Reached(MessageStatus status) implements Outcome {
        }

        /** The gateway gave up: the message will not arrive. */
        record NotDelivered(String reason) implements Outcome {
        }

        /** Still on its way (-1 waiting, 0 with the operator) or an event Beseda keeps no status for (4, a link followed). */
        record OnItsWay() implements Outcome {
        }
    }

    private SmscStatuses() {
    }

    static Outcome of(int code, @Nullable String err) {
        var error = err == null || err.isBlank() || "0".equals(err.strip()) ? "" : " (error " + err.strip() + ")";
        return switch (code) {
            case 1 -> new Outcome.Reached(MessageStatus.DELIVERED);
            case 2 -> new Outcome.Reached(MessageStatus.READ);
            case 3 -> new Outcome.NotDelivered("SMSC.ru: expired, the phone was off or out of reach for the whole validity period" + error);
            case 20 -> new Outcome.NotDelivered("SMSC.ru: could not be delivered" + error);
            case 22 -> new Outcome.NotDelivered("SMSC.ru: wrong number" + error);
            case 23 -> new Outcome.NotDelivered("SMSC.ru: prohibited (by the text or the sender name)" + error);
            case 24 -> new Outcome.NotDelivered("SMSC.ru: not enough money on the account" + error);
            case 25 -> new Outcome.NotDelivered("SMSC.ru: the number is unavailable" + error);
            default -> new Outcome.OnItsWay();
        };
    }
}
