package io.beseda.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;

/**
 * A mail server's report that a mail could not be delivered: an RFC 3464 delivery status notification
 * ({@code multipart/report; report-type=delivery-status}), or, from servers that send none, a mail from
 * MAILER-DAEMON / postmaster that quotes the failed mail. What it names is only a candidate: the caller acts on
 * it only for a Message-ID Beseda sent, and only for the address that mail went to.
 *
 * @param messageIds the Message-IDs of the mail that failed, as the report quotes them
 * @param recipients the addresses that failed ("Action: failed"); empty when the report does not say
 * @param hard       a permanent failure (status 5.x.x): the address is suppressed; a 4.x.x only fails the message
 */
record Bounce(List<String> messageIds, List<String> recipients, boolean hard, String reason) {

    private static final Pattern BESEDA_ID = Pattern.compile("<beseda\\.[0-9a-f-]{36}@[^<>\\s]+>");
    private static final Pattern STATUS = Pattern.compile("\\b([245])\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern SMTP_CODE = Pattern.compile("\\b(5[0-5]\\d|4[0-5]\\d)[ -]");
    private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@.*");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?iu).*(undeliver|delivery status notification|delivery failure|failure notice|returned mail|mail delivery failed"
                    + "|недоставлен|не доставлено|не может быть доставлено|сообщение не доставлено).*");

    /** The report in this mail, if it is one. */
    static Optional<Bounce> of(MimeMessage mail) throws MessagingException, IOException {
        if (isReport(mail)) {
            return report(mail);
        }
        var subject = mail.getSubject() == null ? "" : mail.getSubject();
        if (!fromMailServer(mail) || !BOUNCE_SUBJECT.matcher(subject).matches()) {
            return Optional.empty();
        }
        var text = raw(mail);
        var ids = BESEDA_ID.matcher(text).results().map(m -> m.group()).distinct().toList();
        var status = STATUS.matcher(text);
        var code = SMTP_CODE.matcher(text);
        boolean hard = status.find() ? status.group(1).equals("5") : code.find() && code.group(1).startsWith("5");
        return Optional.of(new Bounce(ids, List.of(), hard, subject.strip()));
    }

    /** Whether a mail server (MAILER-DAEMON, postmaster) sent the mail, rather than a person. */
    static boolean fromMailServer(MimeMessage mail) throws MessagingException {
        var from = mail.getFrom();
        var sender = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
        return sender != null && DAEMON.matcher(sender).matches();
    }

    /** Whether the mail is a delivery status notification, whatever it reports. */
    static boolean isReport(MimeMessage mail) throws MessagingException {
        if (!mail.isMimeType("multipart/report")) {
            return false;
        }
        var type = new ContentType(mail.getContentType()).getParameter("report-type");
        return type != null && type.equalsIgnoreCase("delivery-status");
    }

    private static Optional<Bounce> report(MimeMessage mail) throws MessagingException, IOException {
        if (!(mail.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        var ids = new LinkedHashSet<String>();
        var failed = new ArrayList<String>();
        boolean hard = false;
        var reason = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                for (var recipient : recipients(raw(part))) {
                    if (recipient.failed()) {
                        failed.add(recipient.address());
                        hard |= recipient.status().startsWith("5");
                        reason.append(reason.isEmpty() ? "" : "; ").append(recipient.address()).append(": ")
                                .append(recipient.status()).append(recipient.diagnostic() == null ? "" : " " + recipient.diagnostic());
                    }
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")) {
                if (part.getContent() instanceof MimeMessage original && original.getMessageID() != null) {
                    ids.add(original.getMessageID().strip());
                }
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers")) {
                var headers = raw(part);
                var matcher = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)").matcher(headers);
                if (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        }
        if (failed.isEmpty()) {
            // a report of a delay or a success ("Action: delayed / delivered / relayed") fails nothing
            return Optional.empty();
        }
        return Optional.of(new Bounce(List.copyOf(ids), List.copyOf(failed), hard, reason.toString()));
    }

    private record Recipient(String address, boolean failed, String status, @Nullable String diagnostic) {
    }

    /** The per-recipient blocks of a delivery-status body (RFC 3464 §2.3): fields separated by blank lines. */
    private static List<Recipient> recipients(String status) {
        var recipients = new ArrayList<Recipient>();
        for (var block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
            var fields = unfold(block);
            var finalRecipient = field(fields, "Final-Recipient");
            if (finalRecipient == null) {
                finalRecipient = field(fields, "Original-Recipient");
            }
            if (finalRecipient == null) {
                continue;
            }
            var address = finalRecipient.contains(";") ? finalRecipient.substring(finalRecipient.indexOf(';') + 1) : finalRecipient;
            var action = String.valueOf(field(fields, "Action")).strip().toLowerCase(Locale.ROOT);
            var code = String.valueOf(field(fields, "Status")).strip();
            recipients.add(new Recipient(address.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT), action.equals("failed"),
                    code, field(fields, "Diagnostic-Code")));
        }
        return recipients;
    }

    private static String unfold(String block) {
        return block.replaceAll("\n[ \t]+", " ");
    }

    private static @Nullable String field(String fields, String name) {
        var matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*)$").matcher(fields);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String raw(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }
}
