package io.beseda.channel.email;

import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.jspecify.annotations.Nullable;

/** Mails as customers' clients and mail servers write them. */
final class Mails {

    private Mails() {
    }

    /** A customer's mail; {@code inReplyTo} and {@code references} as their client sets them when answering. */
    static MimeMessage fromCustomer(String messageId, String from, String subject, String text, @Nullable String inReplyTo,
                                    @Nullable String references, FilePart... files) throws MessagingException {
        var mail = new FixedId(messageId);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(MimeMessage.RecipientType.TO, MailServer.SHOP);
        mail.setSubject(subject, "UTF-8");
        mail.setSentDate(new Date());
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
        }
        if (references != null) {
            mail.setHeader("References", references);
        }
        if (files.length == 0) {
            mail.setText(text, "UTF-8");
        } else {
            var mixed = new MimeMultipart("mixed");
            var body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            for (var file : files) {
                var part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.type())));
                part.setFileName(file.name());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mail.setContent(mixed);
        }
        mail.saveChanges();
        return mail;
    }

    record FilePart(String name, String type, byte[] content) {
    }

    /** An RFC 3464 report from the shop's mail server: the mail {@code failedId} to {@code recipient} failed with {@code status}. */
    static MimeMessage deliveryReport(String recipient, String failedId, String statusCode) throws MessagingException {
        return deliveryReport(recipient, failedId, statusCode, "failed");
    }

    /** As above, with the report's action: {@code failed}, or {@code delayed} while the server still tries. */
    static MimeMessage deliveryReport(String recipient, String failedId, String statusCode, String action) throws MessagingException {
        var mail = new FixedId("<dsn-" + java.util.UUID.randomUUID() + "@mx.shop.test>");
        mail.setFrom(new InternetAddress("MAILER-DAEMON@mx.shop.test"));
        mail.setRecipients(MimeMessage.RecipientType.TO, MailServer.SHOP);
        mail.setSubject("Undelivered Mail Returned to Sender");
        var report = new MimeMultipart("report; report-type=delivery-status");
        var human = new MimeBodyPart();
        human.setText("This is the mail system at host mx.shop.test.\n\nI'm sorry to have to inform you that your message could not\n"
                + "be delivered to one or more recipients.\n\n<" + recipient + ">: host mx.customer.test said: 550 5.1.1 User unknown\n");
        report.addBodyPart(human);
        var dsn = rawPart("Reporting-MTA: dns; mx.shop.test\r\nArrival-Date: Mon, 1 Jun 2026 10:00:00 +0300\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nOriginal-Recipient: rfc822;" + recipient + "\r\nAction: " + action + "\r\n"
                + "Status: " + statusCode + "\r\nRemote-MTA: dns; mx.customer.test\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown\r\n", "message/delivery-status");
        report.addBodyPart(dsn);
        var headers = rawPart("Message-ID: " + failedId + "\r\nFrom: " + MailServer.SHOP + "\r\nTo: " + recipient
                + "\r\nSubject: Ответ от Магазин\r\n", "text/rfc822-headers");
        report.addBodyPart(headers);
        mail.setContent(report);
        mail.saveChanges();
        return mail;
    }

    /** Jakarta Mail has no handler to write these types from a String: the part carries them as bytes. */
    private static MimeBodyPart rawPart(String text, String type) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    /** A mail that keeps the Message-ID the test gives it. */
    static final class FixedId extends MimeMessage {

        private final String id;

        FixedId(String id) {
            super(MailServer.session());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
