package io.beseda.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Delivery and read receipts from providers. A status only moves forward (sent → delivered → read):
 * providers deliver receipts late, twice and out of order, and a "delivered" after a "read" changes nothing.
 */
@Service
public class Receipts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Receipts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records that the provider's message reached {@code status} (DELIVERED or READ); answers the message it
     * moved, or empty when the receipt was stale, repeated, or about a message this workspace never sent.
     */
    @Transactional
    public Optional<MessageId> record(WorkspaceId workspace, String providerMessageId, MessageStatus status) {
        if (status != MessageStatus.DELIVERED && status != MessageStatus.READ) {
            throw new IllegalArgumentException("A receipt says DELIVERED or READ, not " + status);
        }
        var before = status == MessageStatus.READ ? "('SENT', 'DELIVERED')" : "('SENT')";
        var moved = jdbc.sql("update outbound_message set status = ?, updated_at = ? "
                        + "where workspace_id = ? and provider_message_id = ? and status in " + before
                        + " returning id, customer_id, channel")
                .params(status.name(), Timestamp.from(clock.instant()), workspace.value(), providerMessageId)
                .query((row, n) -> new MessageStatusChanged(workspace, new MessageId(row.getObject("id", UUID.class)),
                        new CustomerId(row.getObject("customer_id", UUID.class)), Channel.valueOf(row.getString("channel")),
                        status, null))
                .optional();
        moved.ifPresent(events::publishEvent);
        return moved.map(MessageStatusChanged::messageId);
    }

    /**
     * The provider accepted the message but later could not deliver it (WhatsApp's "failed" status): it is
     * marked FAILED with the provider's reason, so journeys can fail over. Only a SENT message fails this way;
     * one already delivered or read stays so. Answers the message it moved, or empty.
     */
    @Transactional
    public Optional<MessageId> failed(WorkspaceId workspace, String providerMessageId, String reason) {
        var moved = jdbc.sql("update outbound_message set status = 'FAILED', failure_reason = 'UNDELIVERED', failure_detail = ?, "
                        + "updated_at = ? where workspace_id = ? and provider_message_id = ? and status = 'SENT'"
                        + " returning id, customer_id, channel")
                .params(reason, Timestamp.from(clock.instant()), workspace.value(), providerMessageId)
                .query((row, n) -> new MessageStatusChanged(workspace, new MessageId(row.getObject("id", UUID.class)),
                        new CustomerId(row.getObject("customer_id", UUID.class)), Channel.valueOf(row.getString("channel")),
                        MessageStatus.FAILED, "UNDELIVERED"))
                .optional();
        moved.ifPresent(events::publishEvent);
        return moved.map(MessageStatusChanged::messageId);
    }
}
