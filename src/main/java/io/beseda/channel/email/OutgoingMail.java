package io.beseda.channel.email;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachments;
import io.beseda.channel.QuickReply;

/**
 * One mail as Beseda sends it: multipart/alternative of the text and the HTML made from it, inside
 * multipart/related when photos go inline ({@code cid:}), inside multipart/mixed when other files go along.
 */
final class OutgoingMail {

    /** What the mail says and to whom; {@code inReplyTo} is the customer's mail it answers, if any. */
    record Draft(String messageId, String to, String subject, String text, List<QuickReply> quickReplies,
                 List<Attachments.File> files, @Nullable String inReplyTo, @Nullable String unsubscribeUrl) {
    }

    private OutgoingMail() {
    }

    static MimeMessage build(Session session, EmailSettings settings, Draft draft) throws MessagingException {
        var mail = new FixedIdMessage(session, draft.messageId());
        mail.setFrom(address(settings.fromAddress(), settings.fromName()));
        if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
            mail.setReplyTo(new InternetAddress[] {new InternetAddress(settings.replyTo().strip(), true)});
        }
        mail.setRecipients(MimeMessage.RecipientType.TO, new InternetAddress[] {new InternetAddress(draft.to(), true)});
        mail.setSubject(draft.subject(), "UTF-8");
        if (draft.inReplyTo() != null) {
            mail.setHeader("In-Reply-To", draft.inReplyTo());
            mail.setHeader("References", draft.inReplyTo());
        }
        if (draft.unsubscribeUrl() != null) {
            mail.setHeader("List-Unsubscribe", "<" + draft.unsubscribeUrl() + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var replyAddress = settings.replyTo() != null && !settings.replyTo().isBlank() ? settings.replyTo().strip() : settings.fromAddress();
        var images = draft.files().stream().filter(f -> f.mimeType().startsWith("image/")).toList();
        var others = draft.files().stream().filter(f -> !f.mimeType().startsWith("image/")).toList();
        var cids = new ArrayList<String>();
        for (int i = 0; i < images.size(); i++) {
            cids.add("image" + (i + 1) + "." + draft.messageId().replaceAll("[<>]", ""));
        }

        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(PlainBody.of(draft.text(), draft.quickReplies(), draft.unsubscribeUrl()), "plain"));
        alternative.addBodyPart(textPart(HtmlBody.of(draft.text(), cids, draft.quickReplies(), replyAddress, draft.subject(),
                draft.unsubscribeUrl()), "html"));
        var body = alternative;
        if (!images.isEmpty()) {
            var related = new MimeMultipart("related");
            related.addBodyPart(wrap(alternative));
            for (int i = 0; i < images.size(); i++) {
                var image = filePart(images.get(i), Part.INLINE);
                image.setContentID("<" + cids.get(i) + ">");
                related.addBodyPart(image);
            }
            body = related;
        }
        if (!others.isEmpty()) {
            var mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(wrap(body));
            for (var file : others) {
                mixed.addBodyPart(filePart(file, Part.ATTACHMENT));
            }
            body = mixed;
        }
        mail.setContent(body);
        mail.saveChanges();
        return mail;
    }

    private static InternetAddress address(String address, @Nullable String name) throws MessagingException {
        try {
            return name == null || name.isBlank() ? new InternetAddress(address, true)
                    : new InternetAddress(address, name.strip(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        var part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
        var part = new MimeBodyPart();
        part.setContent(multipart);
        return part;
    }

    private static MimeBodyPart filePart(Attachments.File file, String disposition) throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.mimeType())));
        part.setDisposition(disposition);
        var name = file.name() == null || file.name().isBlank() ? defaultName(file.mimeType()) : file.name();
        try {
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return part;
    }

    private static String defaultName(String mimeType) {
        return "file." + mimeType.substring(mimeType.indexOf('/') + 1);
    }

    /** A message that keeps the Message-ID Beseda chose instead of making its own on {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
