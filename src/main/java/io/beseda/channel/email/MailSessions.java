package io.beseda.channel.email;

import java.util.Properties;

import jakarta.mail.Session;

/**
 * Jakarta Mail sessions for an account's servers, with timeouts on every socket: a mail server that hangs must
 * not hold a dispatcher thread or a reader for ever.
 */
final class MailSessions {

    private MailSessions() {
    }

    static Session smtp(EmailSettings settings, EmailProperties properties) {
        var props = new Properties();
        var ssl = settings.security() == EmailSettings.Security.SSL;
        var protocol = ssl ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.smtpHost());
        props.put("mail." + protocol + ".port", String.valueOf(settings.smtpPort()));
        props.put("mail." + protocol + ".auth", "true");
        if (settings.security() == EmailSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != EmailSettings.Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        timeouts(props, protocol, properties);
        return Session.getInstance(props);
    }

    static Session imap(EmailSettings settings, EmailProperties properties) {
        var props = new Properties();
        var protocol = settings.imapSsl() ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.imapHost());
        props.put("mail." + protocol + ".port", String.valueOf(settings.imapPort()));
        if (settings.imapSsl()) {
            props.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        timeouts(props, protocol, properties);
        // an IDLE is quiet until the server has news: reading may wait as long as one IDLE lasts, and no longer
        props.put("mail." + protocol + ".timeout", String.valueOf(properties.idleRenewal().plus(properties.timeout()).toMillis()));
        return Session.getInstance(props);
    }

    static String imapProtocol(EmailSettings settings) {
        return settings.imapSsl() ? "imaps" : "imap";
    }

    private static void timeouts(Properties props, String protocol, EmailProperties properties) {
        var millis = String.valueOf(properties.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
    }
}
