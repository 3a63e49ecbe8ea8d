package io.beseda.channel.viber;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A Viber bot account's settings.
 *
 * @param authToken   the bot's token: it authorises every call and is the key Viber signs its webhooks with
 * @param botName     the sender name every message carries (Viber requires one, at most 28 characters)
 * @param avatarUrl   the sender's picture, an https address (optional)
 * @param welcomeText what a person who opens the bot's chat for the first time sees before they subscribe (optional)
 */
record ViberSettings(
        @Secret @NotBlank
        @SettingLabel(ru = "Токен бота", en = "Bot token",
                hint = "Viber Admin Panel (partners.viber.com) → ваш бот → Token") String authToken,
        @NotBlank @Size(max = 28)
        @SettingLabel(ru = "Имя отправителя", en = "Sender name",
                hint = "Как подписаны сообщения бота, до 28 символов") String botName,
        @Nullable @Size(max = 2000) @Pattern(regexp = "(https://\\S+)?", message = "must be an https address")
        @SettingLabel(ru = "Аватар (ссылка)", en = "Avatar URL",
                hint = "Необязательно: https-ссылка на картинку до 100 КБ, 720×720") String avatarUrl,
        @Nullable @Size(max = 7000)
        @SettingLabel(ru = "Приветствие", en = "Welcome text",
                hint = "Необязательно: что увидит человек, впервые открывший чат с ботом, до подписки") String welcomeText) {

    /** Viber's {@code sender} object. */
    java.util.Map<String, String> sender() {
        return avatarUrl == null || avatarUrl.isBlank() ? java.util.Map.of("name", botName)
                : java.util.Map.of("name", botName, "avatar", avatarUrl);
    }
}
