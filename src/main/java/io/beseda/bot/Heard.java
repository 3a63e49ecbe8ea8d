package io.beseda.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.InboundMessage;

/** What the customer sent: text, files, a pressed button, a shared location. */
record Heard(String text, List<Attachment> attachments, @Nullable String buttonPayload, InboundMessage.@Nullable Location location) {

    Heard {
        attachments = List.copyOf(attachments);
    }

    static Heard text(String text) {
        return new Heard(text, List.of(), null, null);
    }

    long photos() {
        return attachments.stream().filter(Attachment::image).count();
    }

    boolean nothingToRead() {
        return text.isBlank() && buttonPayload == null && location == null;
    }
}
