package io.beseda.channel.email;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.QuickReply;
import io.beseda.channel.Receipts;
import io.beseda.consent.Channel;
import io.beseda.consent.Suppressions;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * Takes one mail from an account's folder. A bounce fails the mail it names (and, when permanent, suppresses
 * the address that mail went to); neither it nor any other mail server's report becomes a conversation message;
 * a robot's mail (an out-of-office answer) is left alone; a
 * customer's mail is stored once per Message-ID, in the thread of the Beseda mail it answers.
 */
@Component
class EmailInbound {

    /** What became of a mail. */
    enum Outcome { STORED, REPEATED, BOUNCE, NOT_OURS, IGNORED }

    private static final Logger log = LoggerFactory.getLogger(EmailInbound.class);

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final Suppressions suppressions;
    private final Attachments attachments;
    private final EmailStore store;
    private final Customers customers;
    private final Clock clock;

    EmailInbound(ChannelAccounts accounts, InboundMessages inbound, Receipts receipts, Suppressions suppressions,
                 Attachments attachments, EmailStore store, Customers customers, Clock clock) {
        this.customers = customers;
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.suppressions = suppressions;
        this.attachments = attachments;
        this.store = store;
        this.clock = clock;
    }

    Outcome take(ChannelAccount account, EmailSettings settings, MimeMessage raw) throws MessagingException, IOException {
        if (Bounce.isReport(raw) || Bounce.fromMailServer(raw)) {
            // a report of a delay or a success, or a mail server's notice about nothing of ours, is nobody writing
            var bounce = Bounce.of(raw);
            return bounce.isPresent() ? bounced(account, IncomingMail.messageId(raw), bounce.get()) : Outcome.IGNORED;
        }
        var mail = IncomingMail.read(raw, attachments.maxBytes());
        if (mail.fromAddress() == null || mail.automatic() || mail.fromAddress().equalsIgnoreCase(settings.fromAddress())) {
            return Outcome.IGNORED;
        }
        var sent = store.sent(account, mail.answers());
        var sender = mail.fromAddress();
        var text = QuotedText.trim(mail.text());
        var sentTo = sent.map(s -> addressOf(account, s)).orElse(null);
        if (sentTo != null && !sentTo.equalsIgnoreCase(sender)) {
            // the answer to our mail came from another address (an alias, a colleague it was forwarded to): it
            // carries our Message-ID, which only that mail's reader had, so it joins that customer's thread
            text = "(написано с адреса " + sender + ")\n" + text;
            sender = sentTo.toLowerCase(Locale.ROOT);
        }
        var files = new ArrayList<Attachment>();
        var notKept = new ArrayList<String>();
        for (var file : mail.files()) {
            if (file.content() == null) {
                notKept.add(file.name() + " (" + file.size() / 1024 + " КБ, больше, чем Beseda хранит)");
                continue;
            }
            try {
                files.add(attachments.store(account.workspaceId(), file.name(), file.content()));
            } catch (RuleViolationException e) {
                notKept.add(file.name() + " (" + file.contentType() + ")");
            }
        }
        if (!notKept.isEmpty()) {
            text = (text + "\n\n[Файлы в письме, которые Beseda не сохранила: " + String.join(", ", notKept) + "]").strip();
        }
        var now = clock.instant();
        var message = new InboundMessage(Channel.EMAIL, mail.messageId(), Identity.email(sender), mail.fromName(),
                text.isEmpty() ? null : text, files, sent.map(s -> payload(s.quickReplies(), mail.text())).orElse(null),
                mail.sentAt() == null || mail.sentAt().isAfter(now) ? now : mail.sentAt());
        accounts.noteInbound(account.id(), now);
        var accepted = inbound.accept(account.workspaceId(), account.id(), message);
        if (accepted.isEmpty()) {
            return Outcome.IGNORED;
        }
        store.noteThread(account, accepted.get().customer(), mail.messageId(), mail.subject(), message.sentAt());
        return accepted.get().messageId().isPresent() ? Outcome.STORED : Outcome.REPEATED;
    }

    /** Where our mail went: its address, or (queued without one) the customer's e-mail the connector used. */
    private @Nullable String addressOf(ChannelAccount account, EmailStore.Sent sent) {
        if (sent.address() != null && !sent.address().isBlank()) {
            return sent.address().strip();
        }
        return customers.identities(account.workspaceId(), sent.customer()).stream()
                .filter(identity -> identity.kind() == IdentityKind.EMAIL).map(Identity::value).findFirst().orElse(null);
    }

    /** A customer answering our quick replies writes (or their mailto link fills in) one of the titles. */
    private static @Nullable String payload(java.util.List<QuickReply> replies, String text) {
        var answer = QuotedText.trim(text).lines().findFirst().orElse("").replaceFirst("^[—–-]\\s*", "").strip();
        return replies.stream().filter(r -> r.title().equalsIgnoreCase(answer)).map(QuickReply::payload).findFirst().orElse(null);
    }

    private Outcome bounced(ChannelAccount account, String bounceId, Bounce bounce) {
        var sent = store.sent(account, bounce.messageIds());
        var address = sent.map(s -> addressOf(account, s)).map(a -> a.toLowerCase(Locale.ROOT));
        if (sent.isEmpty() || address.isEmpty()
                || !bounce.recipients().isEmpty() && !bounce.recipients().contains(address.get())) {
            log.info("A delivery report in {} names no mail Beseda sent to the failed address; left alone", account);
            return Outcome.NOT_OURS;
        }
        if (!store.firstBounce(account, bounceId, address.get(), bounce.hard(), clock.instant())) {
            return Outcome.BOUNCE;
        }
        receipts.failed(account.workspaceId(), sent.get().providerMessageId(), "Письмо не доставлено: " + bounce.reason());
        if (bounce.hard()) {
            suppressions.add(Actor.system(account.workspaceId(), "E-mail bounce"), Channel.EMAIL, address.get(), null,
                    "Адрес не принимает почту: " + clip(bounce.reason()));
        }
        return Outcome.BOUNCE;
    }

    private static String clip(String reason) {
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
