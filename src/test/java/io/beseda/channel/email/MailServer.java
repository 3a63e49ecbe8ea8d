package io.beseda.channel.email;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.beseda.channel.ChannelAccount;

import static org.awaitility.Awaitility.await;

/**
 * The shop's mail provider for the tests: GreenMail speaking SMTP and IMAP on fixed local ports (so it can be
 * dropped and started again where the reader expects it), with the shop's mailbox {@link #SHOP}.
 */
final class MailServer {

    static final String SHOP = "shop@shop.test";
    static final String PASSWORD = "shop-secret";

    private static MailServer running;

    private final int smtpPort;
    private final int imapPort;
    private GreenMail mail;
    private GreenMailUser shop;

    private MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        start();
    }

    static synchronized MailServer get() {
        if (running == null) {
            running = new MailServer(freePort(), freePort());
        }
        return running;
    }

    private void start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                new ServerSetup(imapPort, "127.0.0.1", "imap")});
        mail.start();
        shop = mail.setUser(SHOP, SHOP, PASSWORD);
    }

    /** Drops every connection (and, as a mail server rebuilt from scratch would, the mailboxes), then comes back. */
    void restart() {
        mail.stop();
        start();
    }

    /** Empties every mailbox: a test's account starts on a mailbox no earlier test left mail in. */
    void purge() {
        try {
            mail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings of an account on this server, with changes. */
    Map<String, Object> settings(Map<String, Object> changes) {
        var settings = new HashMap<String, Object>(Map.of("smtpHost", "127.0.0.1", "smtpPort", smtpPort, "smtpSecurity", "NONE",
                "smtpUsername", SHOP, "smtpPassword", PASSWORD, "fromAddress", SHOP, "fromName", "Магазин «Ромашка»",
                "imapHost", "127.0.0.1", "imapPort", imapPort, "imapSsl", false));
        settings.put("imapUsername", SHOP);
        settings.put("imapPassword", PASSWORD);
        settings.putAll(changes);
        return settings;
    }

    /** Puts a mail into the shop's inbox, as if someone had sent it. */
    void deliverToShop(MimeMessage message) {
        shop.deliver(message);
    }

    long lastUid() {
        try {
            var uids = mail.getManagers().getImapHostManager().getInbox(shop).getMessageUids();
            return Arrays.stream(uids).max().orElse(0);
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the mail into the shop's inbox and waits until the account's reader has taken it. */
    void deliverAndWait(JdbcClient jdbc, ChannelAccount account, MimeMessage message) {
        deliverToShop(message);
        var uid = lastUid();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select last_uid from email_mailbox where account_id = ?")
                .param(account.id()).query(Long.class).optional().orElse(-1L) >= uid);
    }

    /** The mail Beseda sent under this Message-ID. */
    MimeMessage sent(String messageId) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("No mail " + messageId + " reached the server"));
    }

    static Session session() {
        return Session.getInstance(new Properties());
    }

    static String newAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
