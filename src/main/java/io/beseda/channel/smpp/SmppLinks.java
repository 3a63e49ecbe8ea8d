package io.beseda.channel.smpp;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;

/**
 * The SMPP sessions of this node, one per account (rebuilt when its settings change). With {@code keep-bound}
 * (the default) every enabled SMPP account is bound at start and looked over every half minute, so customers'
 * SMS and delivery receipts arrive even while nothing is being sent; a disabled or deleted account is unbound.
 */
@Component
class SmppLinks implements DisposableBean {

    private record Keyed(SmppLink link, Map<String, Object> settings) {
    }

    private final Map<UUID, Keyed> links = new ConcurrentHashMap<>();
    private final ChannelAccounts accounts;
    private final JdbcClient jdbc;
    private final SmppProperties properties;
    private final SmppInbound inbound;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("beseda-smpp-timer").daemon().factory());

    SmppLinks(ChannelAccounts accounts, JdbcClient jdbc, SmppProperties properties, SmppInbound inbound) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.inbound = inbound;
    }

    /** The account's link, made (and, when kept bound, binding in the background) on first use. */
    SmppLink link(ChannelAccount account) {
        var current = links.get(account.id());
        if (current != null && current.settings().equals(account.settings())) {
            return current.link();
        }
        synchronized (this) {
            current = links.get(account.id());
            if (current != null && current.settings().equals(account.settings())) {
                return current.link();
            }
            if (current != null) {
                current.link().close();
            }
            var settings = accounts.settings(account, SmppSettings.class);
            var link = new SmppLink(account.toString(), settings, properties, inbound.listenerFor(account), timer,
                    error -> accounts.noteError(account.id(), error, java.time.Instant.now()));
            links.put(account.id(), new Keyed(link, account.settings()));
            if (properties.keepBound()) {
                Thread.ofVirtual().name("beseda-smpp-bind").start(link::keepBound);
            }
            return link;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void bindAll() {
        if (properties.keepBound()) {
            timer.scheduleWithFixedDelay(this::lookOver, 0, 30, TimeUnit.SECONDS);
        }
    }

    /** Binds accounts added or changed since, and lets go of those disabled or deleted. */
    void lookOver() {
        try {
            Set<UUID> enabled = jdbc.sql("select id from channel_account where provider = ? and enabled")
                    .param(SmppConnectorFactory.PROVIDER).query(UUID.class).list().stream().collect(Collectors.toSet());
            for (var id : enabled) {
                accounts.forWebhook(id, SmppConnectorFactory.PROVIDER).ifPresent(this::link);
            }
            for (var id : Set.copyOf(links.keySet())) {
                if (!enabled.contains(id)) {
                    var gone = links.remove(id);
                    if (gone != null) {
                        gone.link().close();
                    }
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SmppLinks.class).warn("Looking over SMPP accounts failed", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        links.values().forEach(keyed -> keyed.link().close());
        links.clear();
    }
}
