package io.beseda.channel.push;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.SettingLabel;

/**
 * A web push account's settings. The VAPID keys are not here: Beseda makes them per workspace on first use
 * ({@link VapidKeys}), since every browser subscription is bound to them and must survive an edit of this form.
 *
 * @param subject the VAPID contact (RFC 8292 {@code sub}) push services write to when something is wrong
 * @param title   the notification's title (the shop's name)
 * @param siteUrl where a click leads when the message has no link of its own
 * @param iconUrl the notification's icon, optional
 */
record WebPushSettings(
        @SettingLabel(ru = "Контакт для push-сервисов", en = "Contact for push services",
                hint = "mailto:адрес или https-страница: по нему Google, Mozilla и Apple свяжутся при проблемах с рассылкой")
        @NotBlank @Pattern(regexp = "(mailto:\\S+@\\S+|https://\\S+)", message = "must be mailto:… or https://…") String subject,
        @SettingLabel(ru = "Заголовок уведомлений", en = "Notification title", hint = "Обычно название магазина")
        @NotBlank @Size(max = 80) String title,
        @SettingLabel(ru = "Адрес сайта", en = "Site address",
                hint = "Куда ведёт нажатие на уведомление, если в тексте нет своей ссылки, например https://shop.ru")
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String siteUrl,
        @SettingLabel(ru = "Значок уведомлений", en = "Notification icon", hint = "https-адрес картинки 192×192, можно пусто")
        @Nullable @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String iconUrl) {
}
