package io.beseda.journey.definition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to say on one channel, in Liquid; the subject is the e-mail's subject or the push's title, the buttons
 * are answers the customer can tap where the channel has buttons (a CSAT scale).
 */
public record Message(@Nullable String subject, String body, @Nullable List<String> buttons) {

    public Message {
        if (body.isBlank()) {
            throw new IllegalArgumentException("A message needs a text");
        }
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        if (buttons.size() > 10 || buttons.stream().anyMatch(b -> b.isBlank() || b.length() > 40)) {
            throw new IllegalArgumentException("A message has up to 10 buttons of up to 40 characters");
        }
    }

    public Message(@Nullable String subject, String body) {
        this(subject, body, List.of());
    }
}
