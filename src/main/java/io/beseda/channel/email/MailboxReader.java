package io.beseda.channel.email;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;

/**
 * Watches one account's folder on its own (virtual) thread: takes in what is new since the UID it stopped at,
 * then waits in IDLE where the server has it (renewed every {@code idle-renewal}) or sleeps {@code poll-interval};
 * when the server drops it, it notes the error on the account and connects again after {@code poll-interval}.
 * The folder is opened read-only: the shop's people see their mailbox as they left it.
 */
final class MailboxReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    private final ChannelAccount account;
    private final EmailSettings settings;
    private final EmailProperties properties;
    private final EmailInbound inbound;
    private final EmailStore store;
    private final ChannelAccounts accounts;
    private final Clock clock;
    private final Object sleeper = new Object();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean running = true;
    private volatile @Nullable IMAPFolder idling;
    private @Nullable Thread thread;

    MailboxReader(ChannelAccount account, EmailSettings settings, EmailProperties properties, EmailInbound inbound,
                  EmailStore store, ChannelAccounts accounts, Clock clock) {
        this.account = account;
        this.settings = settings;
        this.properties = properties;
        this.inbound = inbound;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    void start() {
        thread = Thread.ofVirtual().name("email-reader-" + account.id()).start(this);
    }

    /** Stops the reader: it leaves IDLE or its sleep and closes the connection. */
    void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        wake();
        var current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    /** How many times the reader has connected: a reconnect after a drop counts again. */
    long connections() {
        return connections.get();
    }

    @Override
    public void run() {
        while (running) {
            try (var imap = (IMAPStore) MailSessions.imap(settings, properties).getStore(MailSessions.imapProtocol(settings))) {
                imap.connect(settings.imapHost(), settings.imapPort(), settings.imapUsername(), settings.imapPassword());
                var folder = (IMAPFolder) imap.getFolder(settings.folderName());
                folder.open(Folder.READ_ONLY);
                connections.incrementAndGet();
                var idle = imap.hasCapability("IDLE");
                while (running && folder.isOpen()) {
                    takeNew(folder);
                    if (idle) {
                        idle(folder);
                    } else {
                        sleep();
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    log.warn("Reading {} failed, connecting again in {}: {}", account, properties.pollInterval(), e.toString());
                    accounts.noteError(account.id(), "IMAP: " + e.getMessage(), clock.instant());
                    sleep();
                }
            }
        }
    }

    private void takeNew(IMAPFolder folder) throws MessagingException {
        var validity = folder.getUIDValidity();
        var position = store.position(account).filter(p -> p.uidValidity() == validity);
        Message[] candidates;
        if (position.isPresent()) {
            candidates = folder.getMessagesByUID(position.get().lastUid() + 1, UIDFolder.LASTUID);
        } else {
            // a folder seen for the first time (or rebuilt by the server): what nobody has read yet, not years of history
            candidates = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        }
        long last = position.map(EmailStore.Position::lastUid).orElse(0L);
        var sorted = Arrays.stream(candidates).filter(m -> m != null).sorted(Comparator.comparingLong(m -> uid(folder, m))).toList();
        for (var message : sorted) {
            var uid = uid(folder, message);
            if (uid <= last || !running) {
                continue;
            }
            try {
                inbound.take(account, settings, (MimeMessage) message);
            } catch (MessagingException | java.io.IOException e) {
                log.warn("Mail {} in {} could not be read and is skipped: {}", uid, account, e.toString());
            }
            last = uid;
            store.move(account, new EmailStore.Position(validity, last), clock.instant());
        }
        if (position.isEmpty()) {
            // nothing unread was found past this point: later mail starts after the folder's newest message
            store.move(account, new EmailStore.Position(validity, Math.max(last, folder.getUIDNext() - 1)), clock.instant());
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void idle(IMAPFolder folder) throws MessagingException {
        idling = folder;
        var renewal = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(properties.idleRenewal());
                wake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            folder.idle(true);
        } finally {
            idling = null;
            renewal.interrupt();
        }
    }

    /** Ends an IDLE: any command on the folder from another thread makes the reader's IDLE return. */
    private void wake() {
        var folder = idling;
        if (folder != null) {
            Thread.ofVirtual().start(() -> {
                try {
                    folder.doCommand(protocol -> {
                        protocol.simpleCommand("NOOP", null);
                        return null;
                    });
                } catch (MessagingException | RuntimeException e) {
                    log.debug("Waking the reader of {}: {}", account, e.toString());
                }
            });
        }
    }

    private void sleep() {
        synchronized (sleeper) {
            if (!running) {
                return;
            }
            try {
                sleeper.wait(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
