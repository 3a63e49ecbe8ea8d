package io.beseda.channel.vk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A VK community account's settings, as the admin copies them from the community's «Управление → Работа с API».
 *
 * @param groupId          the community's id (positive: 123456 for vk.com/club123456)
 * @param accessToken      the community's access token, with the rights to messages, photos, documents and
 *                         management (the last only so Beseda can register its Callback API server itself)
 * @param callbackSecret   the Callback API secret key: VK puts it in every event, and an event without it is refused
 * @param confirmationCode the string VK wants back when it confirms the server; Beseda fetches it itself when
 *                         the token may manage the community, so it may stay empty
 */
record VkSettings(
        @SettingLabel(ru = "ID сообщества", en = "Community ID",
                hint = "Число из адреса сообщества (vk.com/club123456 → 123456) или из «Управление → Работа с API»")
        @NotNull @Positive Long groupId,
        @SettingLabel(ru = "Ключ доступа сообщества", en = "Community access token",
                hint = "«Управление → Работа с API → Ключи доступа → Создать ключ» с правами: сообщения сообщества, "
                        + "фотографии, документы, управление сообществом")
        @Secret @NotBlank String accessToken,
        @SettingLabel(ru = "Секретный ключ Callback API", en = "Callback API secret key",
                hint = "Придумайте строку из латинских букв и цифр (до 50 символов); Beseda передаст её ВКонтакте при "
                        + "регистрации сервера, или впишите её сами в «Работа с API → Callback API → Секретный ключ»")
        @Secret @NotBlank String callbackSecret,
        @SettingLabel(ru = "Строка подтверждения", en = "Confirmation string",
                hint = "«Работа с API → Callback API»: строка, которую должен вернуть сервер. Можно оставить пустой — "
                        + "Beseda узнает её сама, если у ключа есть право «управление сообществом»")
        @Nullable String confirmationCode) {
}
