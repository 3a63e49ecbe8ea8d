package io.beseda.channel.max;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A MAX bot account's settings.
 *
 * @param accessToken   the bot's token, sent in the {@code Authorization} header of every API call
 * @param webhookSecret what MAX puts in {@code X-Max-Bot-Api-Secret} on every webhook; MAX allows 5 to 256
 *                      of {@code A-Z a-z 0-9 _ -}. Left empty, Beseda makes one when it registers the webhook.
 */
record MaxSettings(
        @Secret @NotBlank
        @SettingLabel(ru = "Токен бота", en = "Bot token",
                hint = "business.max.ru → Чат-боты → ⋮ → Настройки → Токен (или в боте «MAX для бизнеса»)")
        String accessToken,
        @Secret @Nullable @Pattern(regexp = "|[A-Za-z0-9_-]{5,256}", message = "is 5 to 256 of A-Z, a-z, 0-9, _ and -")
        @SettingLabel(ru = "Секрет вебхука", en = "Webhook secret",
                hint = "Можно оставить пустым: Beseda придумает секрет сама, когда зарегистрирует вебхук в MAX")
        String webhookSecret) {

    boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isEmpty();
    }
}
