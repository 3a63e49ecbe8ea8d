package io.beseda.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a talk with the bot stands: what it waits for, the intent in progress, misunderstandings in a row,
 * what the customer told it (order, phone, city, card, photos, their own words) and what it tried — the
 * last two go into the note for the operator on hand-off.
 */
record Session(boolean greeted, @Nullable Awaiting awaiting, @Nullable Intent intent, int misunderstandings,
               Map<String, String> collected, List<String> tried) {

    enum Awaiting { ORDER, RETURN_PHOTO, CITY, CARD, OPERATOR_OFFER }

    static final int MAX_TRIED = 12;

    static Session fresh() {
        return new Session(false, null, null, 0, Map.of(), List.of());
    }

    Session {
        collected = Map.copyOf(collected);
        tried = List.copyOf(tried);
    }

    Session greetedNow() {
        return new Session(true, awaiting, intent, misunderstandings, collected, tried);
    }

    Session waitingFor(@Nullable Awaiting what, @Nullable Intent about) {
        return new Session(greeted, what, about, misunderstandings, collected, tried);
    }

    Session understood() {
        return new Session(greeted, awaiting, intent, 0, collected, tried);
    }

    Session misunderstood() {
        return new Session(greeted, awaiting, intent, misunderstandings + 1, collected, tried);
    }

    Session with(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        var more = new LinkedHashMap<>(collected);
        more.put(key, value);
        return new Session(greeted, awaiting, intent, misunderstandings, more, tried);
    }

    Session tried(String what) {
        var more = new ArrayList<>(tried);
        more.add(what);
        while (more.size() > MAX_TRIED) {
            more.removeFirst();
        }
        return new Session(greeted, awaiting, intent, misunderstandings, collected, more);
    }
}
