package io.beseda.channel.sandbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.InboundMessage;

/**
 * The sandbox provider's webhook body: a message the customer sent, or a receipt for one we sent.
 * Shaped like the messengers' own (an id per event, the sender's address, optional parts).
 */
record SandboxWebhook(String type, @Nullable String id, @Nullable String from, @Nullable String name, @Nullable String text,
                      @Nullable String button, @Nullable List<File> files, InboundMessage.@Nullable Location location,
                      InboundMessage.@Nullable Contact contact, @Nullable Instant sentAt, @Nullable String messageId,
                      @Nullable String status) {

    /** A file the customer sent, inline as base64 (the sandbox has no file server of its own). */
    record File(String name, String base64) {
    }
}
