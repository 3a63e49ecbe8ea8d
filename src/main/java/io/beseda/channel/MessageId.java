package io.beseda.channel;

import java.util.UUID;

/** Identifies an outbound message in the outbox. */
public record MessageId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
