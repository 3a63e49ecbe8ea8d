package io.beseda.channel.email;

import java.net.URI;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.consent.UnsubscribeLinks;
import io.beseda.customer.Customers;

/**
 * The e-mail provider: the shop's own mailbox over SMTP and IMAP. There is no webhook: {@link MailboxReaders}
 * reads the folder. The check logs in to both servers and says which worked.
 */
@Component
class EmailConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "email";

    private final ChannelAccounts accounts;
    private final EmailProperties properties;
    private final Attachments attachments;
    private final Customers customers;
    private final UnsubscribeLinks unsubscribeLinks;
    private final EmailStore store;
    private final WebhookUrls urls;

    EmailConnectorFactory(ChannelAccounts accounts, EmailProperties properties, Attachments attachments, Customers customers,
                          UnsubscribeLinks unsubscribeLinks, EmailStore store, WebhookUrls urls) {
        this.accounts = accounts;
        this.properties = properties;
        this.attachments = attachments;
        this.customers = customers;
        this.unsubscribeLinks = unsubscribeLinks;
        this.store = store;
        this.urls = urls;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** Mailbox providers throttle logins and volume (Yandex 360 and Mail.ru: a few mails a second per mailbox). */
    @Override
    public int defaultRatePerSecond() {
        return 2;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return EmailSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new EmailConnector(accounts.settings(account, EmailSettings.class), properties, attachments, customers,
                unsubscribeLinks, store, urls.base());
    }

    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, EmailSettings.class);
        var smtp = smtp(settings);
        var imap = imap(settings);
        var message = "SMTP: " + smtp.message() + ". IMAP: " + imap.message() + ".";
        return smtp.ok() && imap.ok() ? Result.ok(message) : Result.failed(message);
    }

    private Result smtp(EmailSettings settings) {
        var where = settings.smtpHost() + ":" + settings.smtpPort() + " (" + settings.smtpSecurity() + ")";
        var session = MailSessions.smtp(settings, properties);
        try (var transport = session.getTransport()) {
            transport.connect(settings.smtpUsername(), settings.smtpPassword());
            return Result.ok("вход на " + where + " как " + settings.smtpUsername() + " удался");
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return Result.failed(where + " не принял логин или пароль (нужен пароль приложения): " + e.getMessage());
        } catch (MessagingException e) {
            return Result.failed("не удалось связаться с " + where + ": " + e.getMessage());
        }
    }

    private Result imap(EmailSettings settings) {
        var where = settings.imapHost() + ":" + settings.imapPort() + (settings.imapSsl() ? " (SSL)" : "");
        try (var store = (IMAPStore) MailSessions.imap(settings, properties).getStore(MailSessions.imapProtocol(settings))) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUsername(), settings.imapPassword());
            var folder = store.getFolder(settings.folderName());
            if (!folder.exists()) {
                return Result.failed("вход на " + where + " удался, но папки «" + settings.folderName() + "» нет");
            }
            folder.open(Folder.READ_ONLY);
            var count = folder.getMessageCount();
            folder.close(false);
            return Result.ok("вход на " + where + " удался, в папке «" + settings.folderName() + "» писем: " + count
                    + (store.hasCapability("IDLE") ? "; новые письма приходят сразу (IDLE)"
                    : "; сервер без IDLE, Beseda проверяет папку каждые " + properties.pollInterval().toSeconds() + " с"));
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return Result.failed(where + " не принял логин или пароль: " + e.getMessage());
        } catch (MessagingException e) {
            return Result.failed("не удалось связаться с " + where + ": " + e.getMessage());
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        var settings = accounts.settings(account, EmailSettings.class);
        return Result.ok("Почте вебхук не нужен: Beseda сама читает папку «" + settings.folderName() + "» ящика "
                + settings.imapUsername() + " по IMAP. Включите в ящике доступ по IMAP и пароли приложений; "
                + "ответы клиентов и отчёты о недоставке приходят туда.");
    }
}
