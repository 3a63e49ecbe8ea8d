package io.beseda.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the bot does with one message: what it says, where the session goes next, how the turn counts, and
 * whether it hands the conversation over (with the note for the operator) and opens a return request.
 */
record Outcome(List<Said> said, Session next, Turn turn, @Nullable HandOff handOff, @Nullable ReturnRequestDraft returnRequest,
               io.beseda.bot.nlu.IntentModel.Reading reading) {

    Outcome {
        said = List.copyOf(said);
    }

    /** How a turn counts in the metrics. */
    enum Kind { ANSWERED, KNOWLEDGE, ASKED, NOT_UNDERSTOOD, NOT_TEXT, HANDED_OFF }

    record Turn(@Nullable Intent intent, double confidence, Kind kind) {
    }

    /** Why the bot let go: the customer asked, it did not understand, or the matter needs a person. */
    enum Reason { ASKED, NOT_UNDERSTOOD, RETURN, LOST_CARD }

    record HandOff(Reason reason, String note) {
    }

    record ReturnRequestDraft(@Nullable String orderNumber, String reason, List<io.beseda.channel.Attachment> photos) {
    }
}
