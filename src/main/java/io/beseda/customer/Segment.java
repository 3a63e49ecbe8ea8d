package io.beseda.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A group of customers defined by a rule over their profile and behaviour, with its membership kept
 * current. Built-in segments ({@code builtInKey} set: decided, browsers, hesitant, rfm-champions,
 * rfm-leaving, abandoned-cart) exist in every workspace and cannot be changed or deleted.
 *
 * @param members     how many customers are in it now
 * @param evaluatedAt when its whole membership was last recomputed
 */
public record Segment(SegmentId id, String name, @Nullable String builtInKey, long members, Instant createdAt,
                      @Nullable Instant evaluatedAt) {

    public boolean builtIn() {
        return builtInKey != null;
    }
}
