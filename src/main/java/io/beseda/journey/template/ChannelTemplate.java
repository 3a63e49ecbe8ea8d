package io.beseda.journey.template;

import org.jspecify.annotations.Nullable;

/**
 * What one channel of a send step says, as Liquid source (see docs/journeys/templates.md).
 *
 * @param subject the e-mail subject or push title; null for channels without one (SMS, messengers)
 */
public record ChannelTemplate(@Nullable String subject, String body) {
}
