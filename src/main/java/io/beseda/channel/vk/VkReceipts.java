package io.beseda.channel.vk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.channel.Receipts;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.AfterCommit;
import tools.jackson.databind.JsonNode;

/**
 * VK's receipts. VK has no separate "delivered to the phone": {@code message_reply}, which VK sends once a message
 * from the community is in the customer's dialogue, counts as DELIVERED. {@code message_read} says the customer
 * has read everything up to a message id, so every message Beseda sent them through this community up to that
 * one is READ. Beseda's provider message id is {@code <community id>_<VK message id>} (of a message's last part).
 * <p>
 * A {@code message_reply} can overtake the dispatcher, which records the message as SENT only after
 * {@code messages.send} returns; such a receipt is held for two minutes on this node and applied right after SENT
 * commits.
 */
@Component
class VkReceipts {

    private static final Duration HELD = Duration.ofMinutes(2);
    private static final int MAX_HELD = 10_000;

    private final Receipts receipts;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final Map<String, Instant> early = new ConcurrentHashMap<>();

    VkReceipts(Receipts receipts, Customers customers, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.receipts = receipts;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static String providerMessageId(long groupId, long messageId) {
        return groupId + "_" + messageId;
    }

    /** {@code message_reply}: one of the community's messages is in the dialogue (or an admin wrote from VK itself). */
    void replied(ChannelAccount account, VkSettings settings, JsonNode message) {
        if (!message.path("id").isNumber()) {
            throw new VkRefusal(org.springframework.http.HttpStatus.BAD_REQUEST, "Malformed receipt", "message_reply needs the message's id");
        }
        var id = providerMessageId(settings.groupId(), message.get("id").asLong());
        if (receipts.record(account.workspaceId(), id, MessageStatus.DELIVERED).isEmpty()) {
            hold(id);
        }
    }

    /** {@code message_read}: the customer read the dialogue up to {@code read_message_id}. */
    void read(ChannelAccount account, VkSettings settings, JsonNode event) {
        var reader = event.path("from_id").asLong(event.path("peer_id").asLong(0));
        if (reader <= 0 || !event.path("read_message_id").isNumber()) {
            throw new VkRefusal(org.springframework.http.HttpStatus.BAD_REQUEST, "Malformed receipt",
                    "message_read needs from_id and read_message_id");
        }
        var upTo = event.get("read_message_id").asLong();
        var customer = customers.findBy(account.workspaceId(), Identity.of(IdentityKind.VK, Long.toString(reader)));
        if (customer.isEmpty()) {
            return;
        }
        var prefix = settings.groupId() + "_";
        jdbc.sql("""
                select provider_message_id from outbound_message
                where workspace_id = ? and customer_id = ? and channel = 'VK' and status in ('SENT', 'DELIVERED')
                  and starts_with(provider_message_id, ?) order by created_at desc limit 200""")
                .params(account.workspaceId().value(), customer.get().value(), prefix)
                .query(String.class).list().stream()
                .filter(id -> messageNumber(id, prefix).filter(number -> number <= upTo).isPresent())
                .forEach(id -> receipts.record(account.workspaceId(), id, MessageStatus.READ));
    }

    /** Synchronous on purpose: it only schedules the held receipt for after the dispatcher's commit. */
    @EventListener
    void on(MessageStatusChanged changed) {
        if (changed.status() != MessageStatus.SENT || changed.channel() != Channel.VK || early.isEmpty()) {
            return;
        }
        var id = jdbc.sql("select provider_message_id from outbound_message where workspace_id = ? and id = ?")
                .params(changed.workspaceId().value(), changed.messageId().value()).query(String.class).optional();
        var heldSince = id.map(early::remove).orElse(null);
        if (heldSince != null && !heldSince.plus(HELD).isBefore(clock.instant())) {
            AfterCommit.run(() -> separate.executeWithoutResult(s ->
                    receipts.record(changed.workspaceId(), id.get(), MessageStatus.DELIVERED)));
        }
    }

    private void hold(String providerMessageId) {
        var now = clock.instant();
        if (early.size() >= MAX_HELD) {
            early.entrySet().removeIf(entry -> entry.getValue().plus(HELD).isBefore(now));
        }
        if (early.size() < MAX_HELD) {
            early.put(providerMessageId, now);
        }
    }

    private static Optional<Long> messageNumber(String providerMessageId, String prefix) {
        try {
            return Optional.of(Long.parseLong(providerMessageId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
