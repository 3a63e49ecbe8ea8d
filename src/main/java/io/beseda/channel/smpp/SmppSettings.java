package io.beseda.channel.smpp;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;
import io.beseda.consent.MessageCategory;

/**
 * An SMPP account: where the SMS centre is, how Beseda binds to it, and whom the SMS are from. Service and
 * marketing SMS are told apart the way Russian SMS centres bill and filter them: by the sender name registered for
 * that traffic type (and, where the contract says so, a service_type); see docs/channels/sms-smpp.md.
 */
record SmppSettings(
        @NotBlank @SettingLabel(ru = "Адрес SMS-центра", en = "SMSC host", hint = "Из договора с SMS-агрегатором, например smpp.provider.ru")
        String host,
        @NotNull @Min(1) @Max(65535) @SettingLabel(ru = "Порт", en = "Port", hint = "Обычно 2775")
        Integer port,
        @NotBlank @SettingLabel(ru = "Логин (system_id)", en = "system_id", hint = "Выдаёт агрегатор")
        String systemId,
        @Secret @NotBlank @SettingLabel(ru = "Пароль", en = "Password", hint = "SMPP-пароль: не длиннее 8 символов у большинства центров")
        String password,
        @Nullable @SettingLabel(ru = "system_type", en = "system_type", hint = "Оставьте пустым, если агрегатор не просил")
        String systemType,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9 ._&!-]{1,11}|\\+?[0-9]{3,15}", message = "is up to 11 Latin letters and digits, or a number")
        @SettingLabel(ru = "Имя отправителя (альфа-имя)", en = "Sender name",
                hint = "Зарегистрированное у операторов имя для сервисных SMS, латиницей до 11 символов")
        String sender,
        @Nullable @Pattern(regexp = "|[A-Za-z0-9 ._&!-]{1,11}|\\+?[0-9]{3,15}", message = "is up to 11 Latin letters and digits, or a number")
        @SettingLabel(ru = "Имя отправителя для рекламы", en = "Marketing sender name",
                hint = "Имя, зарегистрированное для рекламного трафика; пусто — то же, что для сервисных")
        String marketingSender,
        @Nullable @SettingLabel(ru = "service_type сервисных SMS", en = "Service traffic service_type",
                hint = "Только если агрегатор размечает трафик полем service_type")
        String serviceType,
        @Nullable @SettingLabel(ru = "service_type рекламных SMS", en = "Marketing traffic service_type",
                hint = "Только если агрегатор размечает трафик полем service_type")
        String marketingServiceType,
        @Nullable @Min(0) @Max(6) @SettingLabel(ru = "TON отправителя", en = "Source TON",
                hint = "Пусто — 5 (алфавитно-цифровой) для имени, 1 (международный) для номера")
        Integer sourceTon,
        @Nullable @Min(0) @Max(18) @SettingLabel(ru = "NPI отправителя", en = "Source NPI",
                hint = "Пусто — 0 для имени, 1 (E.164) для номера")
        Integer sourceNpi,
        @Nullable @Min(1) @Max(100) @SettingLabel(ru = "Окно (submit_sm без ответа)", en = "Window",
                hint = "Сколько частей может ждать ответа SMS-центра одновременно; пусто — 10")
        Integer window,
        @Nullable @Min(1) @Max(1000) @SettingLabel(ru = "Частей в секунду", en = "Parts per second",
                hint = "Предел скорости по договору (TPS); пусто — 10")
        Integer tps,
        @Nullable @SettingLabel(ru = "Цена части, ₽", en = "Price per part, ₽",
                hint = "Показывается операторам в окне ответа; пусто — 3,50 ₽")
        BigDecimal pricePerPart) {

    String senderFor(MessageCategory category) {
        return category == MessageCategory.MARKETING && marketingSender != null && !marketingSender.isBlank()
                ? marketingSender : sender;
    }

    String serviceTypeFor(MessageCategory category) {
        var type = category == MessageCategory.MARKETING ? marketingServiceType : serviceType;
        return type == null ? "" : type;
    }

    int windowOrDefault() {
        return window == null ? 10 : window;
    }

    int tpsOrDefault() {
        return tps == null ? 10 : tps;
    }
}
