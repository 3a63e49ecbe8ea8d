package io.beseda.channel.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.SendDecision;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.SendRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due. Each pass claims a batch with {@code for update skip locked} (so nodes share the
 * work and never take the same message), leasing it for two minutes; a node that dies mid-send leaves
 * the lease to expire and another node takes the message again. For each message: the send policy
 * decides right before sending (so a STOP or a quiet hour that began after queuing still counts), then
 * the account's rate limit, then the connector. Transient failures are retried with backoff (or after
 * the provider's retry-after) until the message's deadline; then it is marked failed with the reason.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SendPolicy policy;
    private final ChannelAccounts accounts;
    private final Map<String, ChannelConnectorFactory> factories;
    private record ConnectorKey(UUID account, Map<String, Object> settings) {
    }

    private final Map<ConnectorKey, ChannelConnector> connectors = new ConcurrentHashMap<>();
    private final RateLimits rateLimits;
    private final MessageUpdates updates;
    private final Clock clock;
    private final JsonMapper json;
    private final int parallelism;

    Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, SendPolicy policy, ChannelAccounts accounts,
               List<ChannelConnectorFactory> factories, RateLimits rateLimits, MessageUpdates updates, Clock clock,
               JsonMapper json, @Value("${beseda.channel.dispatch-parallelism:8}") int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.policy = policy;
        this.accounts = accounts;
        this.factories = factories.stream().collect(Collectors.toMap(ChannelConnectorFactory::provider, Function.identity()));
        this.rateLimits = rateLimits;
        this.updates = updates;
        this.clock = clock;
    }

    /**
     * Works through one batch of due messages; returns how many it claimed. One customer's messages go out
     * one after another in the order they were due; different customers' go out side by side (a provider's
     * answer takes a while, and an operator's reply should not wait behind a campaign).
     */
    public int dispatchDue() {
        var claimed = claim();
        var byCustomer = claimed.stream().collect(Collectors.groupingBy(Claimed::customer, LinkedHashMap::new, Collectors.toList()));
        if (byCustomer.size() <= 1) {
            claimed.forEach(this::dispatch);
            return claimed.size();
        }
        var lanes = new Semaphore(parallelism);
        try (var workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("beseda-dispatch-", 0).factory())) {
            for (var messages : byCustomer.values()) {
                lanes.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        messages.forEach(this::dispatchSafely);
                    } finally {
                        lanes.release();
                    }
                });
            }
        }
        return claimed.size();
    }

    /** A failure outside the send itself (the database, say) leaves the message leased: it goes again later. */
    private void dispatchSafely(Claimed message) {
        try {
            dispatch(message);
        } catch (RuntimeException e) {
            log.error("Dispatching message {} failed; it is tried again when its lease ends", message.id(), e);
        }
    }

    /** Due messages in the order they were queued ({@code returning} alone keeps no order). */
    private List<Claimed> claim() {
        var now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                with claimed as (
                    update outbound_message set status = 'SENDING', next_attempt_at = ?, updated_at = ?
                    where id in (select id from outbound_message
                                 where status in ('QUEUED', 'SENDING') and next_attempt_at <= ?
                                 order by next_attempt_at limit ? for update skip locked)
                    returning *)
                select * from claimed order by created_at, id""")
                .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), Timestamp.from(now), BATCH)
                .query((row, n) -> Claimed.of(row, json)).list());
    }

    private void dispatch(Claimed message) {
        var now = clock.instant();
        if (now.isAfter(message.deadline())) {
            updates.failed(message, "DEADLINE", "Not sent before its deadline after " + message.attempts() + " attempts");
            return;
        }
        var decision = policy.decide(message.workspace(), new SendRequest(message.customer(), message.channel(),
                message.category(), null, message.template(), message.address(), message.id().toString()), "dispatcher");
        switch (decision.outcome()) {
            case DENY -> updates.failed(message, decision.reason().name(), decision.detail());
            case DEFER -> defer(message, decision);
            case ALLOW -> send(message);
        }
    }

    private void defer(Claimed message, SendDecision decision) {
        if (decision.deferUntil().isAfter(message.deadline())) {
            updates.failed(message, decision.reason().name(), "Deferred past its deadline: " + decision.detail());
        } else {
            updates.retryAt(message, decision.deferUntil(), false, decision.detail());
        }
    }

    private void send(Claimed message) {
        var account = accounts.forChannel(message.workspace(), message.channel());
        if (account.isEmpty()) {
            updates.failed(message, "NO_ACCOUNT", "The workspace has no enabled " + message.channel() + " account");
            return;
        }
        var connector = connector(account.get());
        if (connector == null) {
            updates.failed(message, "NO_CONNECTOR", "No connector for provider '" + account.get().provider() + "'");
            return;
        }
        var wait = rateLimits.take(account.get());
        if (wait.isZero() && message.address() != null) {
            wait = rateLimits.takeChat(account.get(), message.address(), perChatInterval(account.get()), clock.instant());
        }
        if (!wait.isZero()) {
            updates.retryAt(message, clock.instant().plus(wait), false, null);
            return;
        }
        var result = call(connector, new Delivery(message.workspace(), message.id(), account.get(), message.customer(),
                message.address(), message.body(), message.template(), message.quickReplies(), message.attachments(),
                message.category(), message.subject()));
        switch (result) {
            case SendResult.Sent sent -> {
                updates.sent(message, account.get().id(), sent.providerMessageId());
                if (message.category() == MessageCategory.MARKETING) {
                    policy.recordSent(message.workspace(), message.customer(), message.channel(), clock.instant(), message.id().toString());
                }
            }
            case SendResult.Transient failure -> {
                accounts.noteError(account.get().id(), failure.reason(), clock.instant());
                retry(message, failure);
            }
            case SendResult.Permanent failure -> {
                accounts.noteError(account.get().id(), failure.reason(), clock.instant());
                updates.failed(message, "REJECTED", failure.reason());
            }
        }
    }

    private void retry(Claimed message, SendResult.Transient failure) {
        var delay = failure.retryAfter() != null ? failure.retryAfter() : Backoff.after(message.attempts() + 1);
        var next = clock.instant().plus(delay);
        if (next.isAfter(message.deadline())) {
            updates.failed(message, "GAVE_UP", "Provider kept failing (" + failure.reason() + ") until the deadline");
        } else {
            updates.retryAt(message, next, true, failure.reason());
        }
    }

    private static SendResult call(ChannelConnector connector, Delivery delivery) {
        try {
            return connector.send(delivery);
        } catch (RuntimeException e) {
            return new SendResult.Transient(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private java.time.Duration perChatInterval(ChannelAccount account) {
        var factory = factories.get(account.provider());
        return factory == null ? java.time.Duration.ZERO : factory.perChatInterval();
    }

    private ChannelConnector connector(ChannelAccount account) {
        var factory = factories.get(account.provider());
        // keyed by the settings too: a new token on the settings page makes a new connector
        return factory == null ? null : connectors.computeIfAbsent(new ConnectorKey(account.id(), account.settings()),
                key -> factory.create(account));
    }
}
