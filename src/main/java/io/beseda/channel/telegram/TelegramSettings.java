package io.beseda.channel.telegram;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A Telegram account's settings: the bot's token, and the secret Telegram sends with every update so that
 * nobody else can post to Beseda's webhook as Telegram (left empty, Beseda makes one when it registers the webhook).
 */
record TelegramSettings(
        @Secret @NotBlank @Pattern(regexp = "\\d+:[A-Za-z0-9_-]+", message = "is not a bot token (123456789:AA…)")
        @SettingLabel(ru = "Токен бота", en = "Bot token",
                hint = "Выдаёт @BotFather в Telegram: /newbot создаёт бота, /token показывает токен существующего")
        String botToken,
        @Secret @Nullable @Pattern(regexp = "|[A-Za-z0-9_-]{16,256}", message = "must be 16 to 256 letters, digits, _ or -")
        @SettingLabel(ru = "Секрет вебхука", en = "Webhook secret",
                hint = "Можно не заполнять: Беседа придумает его сама, когда зарегистрирует вебхук")
        String webhookSecret) {

    boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isEmpty();
    }
}
