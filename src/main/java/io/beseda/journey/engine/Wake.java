package io.beseda.journey.engine;

import java.util.UUID;

import io.beseda.channel.MessageStatus;

/** What moved a run: it was just entered, a timer fired, its message moved on, or the customer did something. */
public sealed interface Wake {

    record Start() implements Wake {
    }

    record Timer(String key) implements Wake {
    }

    record MessageChanged(UUID messageId, MessageStatus status, String reason) implements Wake {
    }

    record EventSeen(String eventType) implements Wake {
    }
}
