package io.beseda.channel.whatsapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * One business phone number on the WhatsApp Cloud API, as the shop's admin finds it in Meta's App Dashboard.
 *
 * @param phoneNumberId     the number's id in the Graph API (not the phone number itself): messages go from it
 * @param businessAccountId the WhatsApp Business Account (WABA) the number belongs to: its templates are read there
 * @param accessToken       a System User's permanent token with whatsapp_business_messaging and _management
 * @param appSecret         the Meta app's secret: Meta signs every webhook with it (X-Hub-Signature-256)
 * @param verifyToken       any string of the shop's choosing: Meta repeats it when it checks the webhook address
 */
record WhatsAppSettings(
        @SettingLabel(ru = "Идентификатор номера телефона", en = "Phone number ID",
                hint = "Meta App Dashboard → WhatsApp → API Setup → «Phone number ID»")
        @NotBlank @Pattern(regexp = "\\d{5,30}", message = "is the number's id from API Setup: digits only") String phoneNumberId,
        @SettingLabel(ru = "Идентификатор аккаунта WhatsApp Business", en = "WhatsApp Business Account ID",
                hint = "Meta App Dashboard → WhatsApp → API Setup → «WhatsApp Business Account ID»")
        @NotBlank @Pattern(regexp = "\\d{5,30}", message = "is the WABA id from API Setup: digits only") String businessAccountId,
        @SettingLabel(ru = "Постоянный токен доступа", en = "Permanent access token",
                hint = "Meta Business Settings → System users → Generate token, права whatsapp_business_messaging и whatsapp_business_management")
        @Secret @NotBlank String accessToken,
        @SettingLabel(ru = "Секрет приложения", en = "App secret",
                hint = "Meta App Dashboard → App settings → Basic → «App secret»: им подписан каждый вебхук")
        @Secret @NotBlank String appSecret,
        @SettingLabel(ru = "Проверочный токен вебхука", en = "Webhook verify token",
                hint = "Любая строка; та же вписывается в Meta в поле «Verify token» рядом с адресом вебхука")
        @Secret @NotBlank String verifyToken) {
}
