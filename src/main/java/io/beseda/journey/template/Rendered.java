package io.beseda.journey.template;

import org.jspecify.annotations.Nullable;

/** A filled-in template: plain text, ready to queue. */
public record Rendered(@Nullable String subject, String body) {
}
