package io.beseda.channel.email;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccounts;

/**
 * One {@link MailboxReader} per enabled e-mail account, matched to the accounts every {@code readers-check}: a
 * new account gets a reader, a disabled or removed one loses it, new settings restart it.
 */
@Component
class MailboxReaders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxReaders.class);

    private record Running(Map<String, Object> settings, MailboxReader reader) {
    }

    private final EmailStore store;
    private final ChannelAccounts accounts;
    private final EmailInbound inbound;
    private final EmailProperties properties;
    private final Clock clock;
    private final Map<UUID, Running> readers = new ConcurrentHashMap<>();
    private @Nullable ScheduledExecutorService schedule;

    MailboxReaders(EmailStore store, ChannelAccounts accounts, EmailInbound inbound, EmailProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.inbound = inbound;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts and stops readers to match the enabled accounts. */
    synchronized void match() {
        var enabled = store.enabledAccounts();
        for (var id : readers.keySet()) {
            if (!enabled.contains(id)) {
                readers.remove(id).reader().stop();
            }
        }
        for (var id : enabled) {
            var account = accounts.forWebhook(id, EmailConnectorFactory.PROVIDER).orElse(null);
            if (account == null) {
                continue;
            }
            var running = readers.get(id);
            if (running != null && running.settings().equals(account.settings())) {
                continue;
            }
            if (running != null) {
                running.reader().stop();
            }
            try {
                var reader = new MailboxReader(account, accounts.settings(account, EmailSettings.class), properties, inbound, store,
                        accounts, clock);
                readers.put(id, new Running(account.settings(), reader));
                reader.start();
            } catch (RuntimeException e) {
                log.warn("The mailbox of {} cannot be read with its settings: {}", account, e.toString());
                readers.remove(id);
            }
        }
    }

    Optional<MailboxReader> reader(UUID account) {
        return Optional.ofNullable(readers.get(account)).map(Running::reader);
    }

    @Override
    public void start() {
        if (!properties.readers()) {
            return;
        }
        var executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("email-readers").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                match();
            } catch (RuntimeException e) {
                log.warn("Matching mailbox readers to accounts failed: {}", e.toString());
            }
        }, 0, properties.readersCheck().toMillis(), TimeUnit.MILLISECONDS);
        schedule = executor;
    }

    @Override
    public synchronized void stop() {
        var executor = schedule;
        if (executor != null) {
            executor.shutdownNow();
            schedule = null;
        }
        readers.values().forEach(running -> running.reader().stop());
        readers.clear();
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
