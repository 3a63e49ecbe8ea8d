package io.beseda.journey.definition;

import org.jspecify.annotations.Nullable;

/** What to say on one channel, in Liquid; the subject is the e-mail's subject or the push's title. */
public record Message(@Nullable String subject, String body) {

    public Message {
        if (body.isBlank()) {
            throw new IllegalArgumentException("A message needs a text");
        }
    }
}
