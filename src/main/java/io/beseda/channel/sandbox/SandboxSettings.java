package io.beseda.channel.sandbox;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;

/**
 * A sandbox account's settings.
 *
 * @param webhookSecret signs what the sandbox "provider" posts to {@code /webhooks/sandbox/{account}}; without
 *                      one the webhook refuses everything (the console's sandbox phone does not need it)
 */
record SandboxSettings(@Secret @Nullable String webhookSecret) {
}
