package io.beseda.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What one answer says and leaves behind; the dialogue turns it into an {@link Outcome}. */
record Reply(List<Said> said, Session next, Outcome.Kind kind, Outcome.@Nullable Reason handOff,
             Outcome.@Nullable ReturnRequestDraft returnRequest) {

    Reply {
        said = List.copyOf(said);
    }

    static Reply answered(Session next, Said... said) {
        return new Reply(List.of(said), next, Outcome.Kind.ANSWERED, null, null);
    }

    static Reply asked(Session next, Said... said) {
        return new Reply(List.of(said), next, Outcome.Kind.ASKED, null, null);
    }

    static Reply handOff(Session next, Outcome.Reason reason, Said... said) {
        return new Reply(List.of(said), next, Outcome.Kind.HANDED_OFF, reason, null);
    }
}
