package io.beseda.channel.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * An e-mail account's settings: the shop's outgoing (SMTP) and incoming (IMAP) server, usually one mailbox
 * such as support@shop.ru at Yandex 360, Mail.ru for business or the shop's own server.
 *
 * @param smtpSecurity {@code STARTTLS} (port 587), {@code SSL} (port 465) or {@code NONE} (a relay inside the shop's network)
 * @param subject      the subject of a mail that does not answer one of the customer's; empty: «Ответ от <имя отправителя>»
 */
record EmailSettings(
        @NotBlank @SettingLabel(ru = "SMTP-сервер", en = "SMTP host", hint = "Например smtp.yandex.ru, smtp.mail.ru")
        String smtpHost,
        @Min(1) @Max(65535) @SettingLabel(ru = "SMTP-порт", en = "SMTP port", hint = "587 для STARTTLS, 465 для SSL")
        int smtpPort,
        @NotBlank @Pattern(regexp = "STARTTLS|SSL|NONE", message = "is STARTTLS, SSL or NONE")
        @SettingLabel(ru = "Шифрование SMTP", en = "SMTP security", hint = "STARTTLS, SSL или NONE (только внутри своей сети)")
        String smtpSecurity,
        @NotBlank @SettingLabel(ru = "Логин SMTP", en = "SMTP username", hint = "Обычно сам адрес ящика")
        String smtpUsername,
        @Secret @NotBlank @SettingLabel(ru = "Пароль SMTP", en = "SMTP password",
                hint = "Пароль приложения: Яндекс ID → Безопасность → Пароли приложений; Mail.ru → Пароли для внешних приложений")
        String smtpPassword,
        @NotBlank @Email @SettingLabel(ru = "Адрес отправителя", en = "From address", hint = "Например support@shop.ru")
        String fromAddress,
        @Nullable @SettingLabel(ru = "Имя отправителя", en = "From name", hint = "Например «Магазин Ромашка»")
        String fromName,
        @Nullable @Email @SettingLabel(ru = "Адрес для ответов", en = "Reply-To", hint = "Пусто: ответы приходят на адрес отправителя")
        String replyTo,
        @Nullable @SettingLabel(ru = "Тема письма", en = "Subject", hint = "Пусто: «Ответ от <имя отправителя>»; ответ на письмо клиента идёт с «Re: <его тема>»")
        String subject,
        @NotBlank @SettingLabel(ru = "IMAP-сервер", en = "IMAP host", hint = "Например imap.yandex.ru, imap.mail.ru")
        String imapHost,
        @Min(1) @Max(65535) @SettingLabel(ru = "IMAP-порт", en = "IMAP port", hint = "993 с SSL, 143 без")
        int imapPort,
        @SettingLabel(ru = "IMAP через SSL", en = "IMAP over SSL", hint = "Включено для порта 993")
        boolean imapSsl,
        @NotBlank @SettingLabel(ru = "Логин IMAP", en = "IMAP username", hint = "Обычно сам адрес ящика")
        String imapUsername,
        @Secret @NotBlank @SettingLabel(ru = "Пароль IMAP", en = "IMAP password", hint = "Тот же пароль приложения, что и для SMTP")
        String imapPassword,
        @Nullable @SettingLabel(ru = "Папка", en = "Folder", hint = "Пусто: INBOX")
        String folder) {

    enum Security { STARTTLS, SSL, NONE }

    Security security() {
        return Security.valueOf(smtpSecurity);
    }

    String folderName() {
        return folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    }

    String senderName() {
        return fromName == null || fromName.isBlank() ? fromAddress : fromName.strip();
    }

    String defaultSubject() {
        return subject == null || subject.isBlank() ? "Ответ от " + senderName() : subject.strip();
    }
}
