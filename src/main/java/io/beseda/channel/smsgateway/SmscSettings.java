package io.beseda.channel.smsgateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * An SMSC.ru account's settings.
 *
 * @param apiKey          SMSC.ru's API key: it replaces login and password in every call
 * @param sender          the sender name (альфа-имя) of service messages and replies, registered with the operators
 * @param marketingSender the sender name registered for advertising traffic; without one Beseda sends no marketing SMS
 * @param callbackToken   the secret SMSC.ru calls Beseda's handler URL with ({@code ?token=…}): SMSC.ru does not sign
 *                        its callbacks with anything an API-key account has, so the unguessable URL is the proof
 */
record SmscSettings(
        @Secret @NotBlank
        @SettingLabel(ru = "API-ключ", en = "API key",
                hint = "Личный кабинет SMSC.ru → Настройки → API-ключ (создайте ключ, если его ещё нет)") String apiKey,
        @NotBlank @Size(max = 11) @Pattern(regexp = "[A-Za-z0-9 ._-]+", message = "latin letters, digits, space, dot, dash or underscore")
        @SettingLabel(ru = "Имя отправителя", en = "Sender name",
                hint = "Альфа-имя, зарегистрированное в SMSC.ru для сервисных сообщений, до 11 латинских символов") String sender,
        @Nullable @Size(max = 11) @Pattern(regexp = "([A-Za-z0-9 ._-]+)?", message = "latin letters, digits, space, dot, dash or underscore")
        @SettingLabel(ru = "Имя отправителя для рекламы", en = "Sender name for marketing",
                hint = "Необязательно: альфа-имя, зарегистрированное для рекламного трафика; без него рекламные SMS не отправляются") String marketingSender,
        @Secret @NotBlank @Size(min = 24, max = 128) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "latin letters, digits, dash or underscore")
        @SettingLabel(ru = "Секрет адреса обработчика", en = "Callback URL secret",
                hint = "Случайная строка от 24 латинских букв и цифр (например, вывод «openssl rand -hex 16»); Беседа покажет адрес с ней для кабинета SMSC.ru") String callbackToken) {
}
