package io.beseda.channel;

/** The settings of a provider that needs none. */
public record NoSettings() {
}
