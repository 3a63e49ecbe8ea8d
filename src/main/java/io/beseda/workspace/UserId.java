package io.beseda.workspace;

import java.util.UUID;

/** Identifies a person who signs in to the console. */
public record UserId(UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
