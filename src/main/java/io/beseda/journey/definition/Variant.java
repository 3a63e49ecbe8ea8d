package io.beseda.journey.definition;

import org.jspecify.annotations.Nullable;

/** One arm of an A/B split; a control arm ({@code next} empty) receives nothing more and ends the run. */
public record Variant(String name, int percent, @Nullable String next) {

    public Variant {
        if (name.isBlank() || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A variant has a name and a share between 0 and 100 %");
        }
    }

    public boolean control() {
        return next == null;
    }
}
