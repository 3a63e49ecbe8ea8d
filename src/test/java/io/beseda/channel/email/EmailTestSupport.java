package io.beseda.channel.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;

import static org.awaitility.Awaitility.await;

/** What the e-mail tests share: an account on the {@link MailServer} whose reader is connected, and reading sent mails. */
final class EmailTestSupport {

    /** Short waits, so the tests see the reader poll, renew IDLE and reconnect quickly. */
    static final String POLL = "beseda.channel.email.poll-interval=300ms";
    static final String CHECK = "beseda.channel.email.readers-check=300ms";
    static final String IDLE = "beseda.channel.email.idle-renewal=3s";
    static final String TIMEOUT = "beseda.channel.email.timeout=5s";

    private EmailTestSupport() {
    }

    static ChannelAccount connect(ChannelAccounts accounts, MailboxReaders readers, WorkspaceId workspace, Map<String, Object> changes) {
        MailServer.get().purge();
        var account = accounts.add(workspace, Channel.EMAIL, EmailConnectorFactory.PROVIDER, "Почта магазина",
                MailServer.get().settings(changes), 10);
        readers.match();
        await().atMost(Duration.ofSeconds(20)).until(() -> readers.reader(account.id()).map(r -> r.connections() > 0).orElse(false));
        return account;
    }

    static String part(Part mail, String type) throws Exception {
        for (var part : parts(mail)) {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return String.valueOf(part.getContent());
            }
        }
        throw new AssertionError("No " + type + " part");
    }

    static List<Part> parts(Part mail) throws Exception {
        var all = new ArrayList<Part>();
        all.add(mail);
        if (mail.isMimeType("multipart/*")) {
            var multipart = (Multipart) mail.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.addAll(parts(multipart.getBodyPart(i)));
            }
        }
        return all;
    }

    /** The quick replies as the HTML part offers them: the titles of its mailto links. */
    static List<String> buttonTitles(MimeMessage mail) throws Exception {
        var html = part(mail, "text/html");
        return Pattern.compile("<a href=\"mailto:[^\"]*\">([^<]*)</a>").matcher(html).results().map(m -> m.group(1)).toList();
    }

    /** The types of the files the mail carries (inline photos and attachments). */
    static List<String> fileTypes(MimeMessage mail) throws Exception {
        var types = new ArrayList<String>();
        for (var part : parts(mail)) {
            if (!part.isMimeType("multipart/*") && !part.isMimeType("text/plain") && !part.isMimeType("text/html")) {
                types.add(part.getContentType().split(";")[0].strip());
            }
        }
        return types;
    }
}
