package io.beseda.channel.sandbox;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A sandbox account's settings.
 *
 * @param webhookSecret signs what the sandbox "provider" posts to {@code /webhooks/sandbox/{account}}; without
 *                      one the webhook refuses everything (the console's sandbox phone does not need it)
 */
record SandboxSettings(@Secret @SettingLabel(ru = "Секрет вебхука", en = "Webhook secret",
        hint = "Подписывает то, что скрипты присылают на вебхук песочницы (HMAC-SHA256 тела в X-Sandbox-Signature)") @Nullable String webhookSecret) {
}
