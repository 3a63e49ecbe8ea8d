package io.beseda.channel.email;

import java.io.IOException;
import java.util.ArrayList;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.UnsubscribeLinks;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;

/**
 * Sends one account's mails over its SMTP server. The Message-ID is made from the outbox id, so a send retried
 * after a lost answer carries the same one, and it is what replies and bounces name to find the message again.
 */
final class EmailConnector implements ChannelConnector {

    private final EmailSettings settings;
    private final EmailProperties properties;
    private final Attachments attachments;
    private final Customers customers;
    private final UnsubscribeLinks unsubscribeLinks;
    private final EmailStore store;
    private final String publicUrl;

    EmailConnector(EmailSettings settings, EmailProperties properties, Attachments attachments, Customers customers,
                   UnsubscribeLinks unsubscribeLinks, EmailStore store, String publicUrl) {
        this.settings = settings;
        this.properties = properties;
        this.attachments = attachments;
        this.customers = customers;
        this.unsubscribeLinks = unsubscribeLinks;
        this.store = store;
        this.publicUrl = publicUrl;
    }

    static String messageId(Delivery delivery, EmailSettings settings) {
        var domain = settings.fromAddress().substring(settings.fromAddress().lastIndexOf('@') + 1);
        return "<beseda." + delivery.messageId() + "@" + domain + ">";
    }

    @Override
    public SendResult send(Delivery delivery) {
        var to = address(delivery);
        if (to == null) {
            return new SendResult.Permanent("The customer has no e-mail address");
        }
        var files = new ArrayList<Attachments.File>();
        for (var attachment : delivery.attachments()) {
            var file = attachments.fromUrl(delivery.workspaceId(), attachment.url());
            if (file.isEmpty()) {
                return new SendResult.Permanent("The attachment " + attachment.url() + " is not a file this workspace keeps");
            }
            files.add(file.get());
        }
        var thread = store.thread(delivery.account(), delivery.customer()).orElse(null);
        var subject = delivery.subject() != null ? oneLine(delivery.subject())
                : thread == null || thread.subject() == null || thread.subject().isBlank() ? settings.defaultSubject()
                : reSubject(thread.subject());
        var unsubscribe = delivery.category() == MessageCategory.MARKETING
                ? publicUrl + unsubscribeLinks.path(delivery.workspaceId(), delivery.customer(), Channel.EMAIL) : null;
        var id = messageId(delivery, settings);
        var session = MailSessions.smtp(settings, properties);
        try {
            var mail = OutgoingMail.build(session, settings, new OutgoingMail.Draft(id, to, subject, delivery.body(),
                    delivery.quickReplies(), files, thread == null ? null : thread.messageId(), unsubscribe));
            try (var transport = session.getTransport()) {
                transport.connect(settings.smtpUsername(), settings.smtpPassword());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return new SendResult.Sent(id);
        } catch (MessagingException e) {
            return failure(e);
        }
    }

    private @Nullable String address(Delivery delivery) {
        if (delivery.address() != null && !delivery.address().isBlank()) {
            return delivery.address().strip();
        }
        return customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                .filter(identity -> identity.kind() == IdentityKind.EMAIL).map(identity -> identity.value()).findFirst().orElse(null);
    }

    /** A header is one line: a template's line breaks must not end it (or start another header). */
    static String oneLine(String subject) {
        return subject.replaceAll("\\s+", " ").strip();
    }

    static String reSubject(String subject) {
        var clean = subject.replaceAll("\\s+", " ").strip();
        return clean.matches("(?iu)^(re|ответ|отв)\\s*:.*") ? clean : "Re: " + clean;
    }

    /** 4xx and a server out of reach are worth another try; 5xx, a refused login or a bad address never work. */
    static SendResult failure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new SendResult.Permanent("The SMTP server refused the login: " + e.getMessage());
        }
        var code = replyCode(e);
        if (code >= 500) {
            return new SendResult.Permanent("The SMTP server refused the mail (" + code + "): " + detail(e));
        }
        if (code >= 400) {
            return new SendResult.Transient("The SMTP server deferred the mail (" + code + "): " + detail(e), null);
        }
        if (e instanceof jakarta.mail.internet.AddressException) {
            return new SendResult.Permanent("Not an e-mail address: " + e.getMessage());
        }
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
            return new SendResult.Permanent("The SMTP server refused the address: " + detail(e));
        }
        return new SendResult.Transient("The SMTP server could not be reached: " + detail(e), null);
    }

    private static int replyCode(MessagingException e) {
        for (Exception at = e; at != null; at = at instanceof MessagingException m ? m.getNextException() : null) {
            if (at instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (at instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (at instanceof IOException) {
                return -1;
            }
        }
        return -1;
    }

    private static String detail(MessagingException e) {
        var next = e.getNextException();
        return next == null ? String.valueOf(e.getMessage()) : e.getMessage() + " — " + next.getMessage();
    }
}
