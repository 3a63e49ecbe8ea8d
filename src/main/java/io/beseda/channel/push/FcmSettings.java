package io.beseda.channel.push;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A Firebase Cloud Messaging account's settings.
 *
 * @param projectId          the Firebase project the app belongs to ({@code project_id} of the key)
 * @param serviceAccountJson the service account key Beseda signs its OAuth requests with
 * @param title              the notification's title (the shop's name)
 */
record FcmSettings(
        @SettingLabel(ru = "ID проекта Firebase", en = "Firebase project ID",
                hint = "Firebase console → Project settings → General → Project ID")
        @NotBlank @Size(max = 100) String projectId,
        @SettingLabel(ru = "Ключ сервисного аккаунта (JSON)", en = "Service account key (JSON)",
                hint = "Firebase console → Project settings → Service accounts → Generate new private key: вставьте весь файл")
        @Secret @NotBlank String serviceAccountJson,
        @SettingLabel(ru = "Заголовок уведомлений", en = "Notification title", hint = "Обычно название магазина")
        @NotBlank @Size(max = 80) String title) {
}
