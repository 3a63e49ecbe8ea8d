package io.beseda.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jspecify.annotations.Nullable;

/** A mail read from the folder, taken apart: who, what about, which mails it answers, its text and its files. */
record IncomingMail(String messageId, @Nullable String fromAddress, @Nullable String fromName, @Nullable String subject,
                    List<String> answers, String text, List<File> files, boolean automatic, @Nullable Instant sentAt) {

    /** A file in the mail; {@code content} is null when it was larger than Beseda keeps. */
    record File(String name, String contentType, byte @Nullable [] content, long size) {
    }

    private static final Pattern MESSAGE_IDS = Pattern.compile("<[^<>\\s]+>");

    static IncomingMail read(MimeMessage mail, long maxFileBytes) throws MessagingException, IOException {
        var from = from(mail);
        var answers = new LinkedHashSet<String>();
        answers.addAll(ids(mail.getHeader("In-Reply-To", " ")));
        answers.addAll(ids(mail.getHeader("References", " ")).reversed());
        var body = new Body();
        walk(mail, body, maxFileBytes);
        var text = body.plain != null ? body.plain : body.html != null ? HtmlText.of(body.html) : "";
        var sent = mail.getSentDate();
        return new IncomingMail(messageId(mail), from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : from.getPersonal(), mail.getSubject(), List.copyOf(answers), text.strip(),
                List.copyOf(body.files), automatic(mail), sent == null ? null : sent.toInstant());
    }

    /** The mail's Message-ID, or one made from its headers when the sender gave none (so reading it again finds it again). */
    static String messageId(MimeMessage mail) throws MessagingException {
        var id = mail.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        var headers = new StringBuilder();
        for (var name : new String[] {"From", "Date", "Subject", "To"}) {
            headers.append(mail.getHeader(name, ",")).append('\n');
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(headers.toString().getBytes(StandardCharsets.UTF_8));
            return "<no-id." + HexFormat.of().formatHex(digest, 0, 16) + "@beseda>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(@Nullable String header) {
        if (header == null) {
            return List.of();
        }
        return MESSAGE_IDS.matcher(header).results().map(m -> m.group()).toList();
    }

    private static @Nullable InternetAddress from(MimeMessage mail) throws MessagingException {
        Address[] from;
        try {
            from = mail.getFrom();
        } catch (MessagingException e) {
            return null;
        }
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
    }

    /** Out-of-office answers and other robots' mail (RFC 3834) are not a customer writing, and answering them loops. */
    private static boolean automatic(MimeMessage mail) throws MessagingException {
        var submitted = mail.getHeader("Auto-Submitted", ",");
        var precedence = mail.getHeader("Precedence", ",");
        return submitted != null && !submitted.strip().equalsIgnoreCase("no")
                || precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")
                || mail.getHeader("X-Autoreply") != null;
    }

    private static final class Body {
        @Nullable String plain;
        @Nullable String html;
        final List<File> files = new ArrayList<>();
    }

    private static void walk(Part part, Body body, long maxFileBytes) throws MessagingException, IOException {
        var disposition = part.getDisposition();
        var name = fileName(part);
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, maxFileBytes);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || name != null && !part.isMimeType("text/plain") && !part.isMimeType("text/html")) {
            body.files.add(file(part, name, maxFileBytes));
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (!part.isMimeType("text/*") && !part.isMimeType("message/*")) {
            body.files.add(file(part, name, maxFileBytes));
        }
    }

    private static @Nullable String fileName(Part part) throws MessagingException {
        var name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (IOException e) {
            return name;
        }
    }

    private static File file(Part part, @Nullable String name, long maxFileBytes) throws MessagingException, IOException {
        var type = part.getContentType() == null ? "application/octet-stream" : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        var shown = name == null ? "file" : name;
        try (InputStream in = part.getInputStream()) {
            var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                return new File(shown, type, null, bytes.length + in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            return new File(shown, type, bytes, bytes.length);
        }
    }
}
