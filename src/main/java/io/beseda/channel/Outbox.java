package io.beseda.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.Customers;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every outbound message starts. Queuing is idempotent by the sender's key, durable (the row is
 * the queue) and cheap; the dispatcher does the rest.
 */
@Service
public class Outbox {

    public record Entry(MessageId id, MessageStatus status, int attempts, @Nullable String providerMessageId,
                        @Nullable String failureReason, @Nullable String failureDetail) {
    }

    private final JdbcClient jdbc;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, Customers customers, ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** Queues the message, or returns the one already queued under the same idempotency key. */
    @Transactional
    public MessageId queue(WorkspaceId workspace, OutboundMessage message) {
        var customer = customers.get(workspace, message.customer());
        var now = clock.instant();
        var inserted = jdbc.sql("""
                insert into outbound_message (id, workspace_id, idempotency_key, customer_id, channel, category, address, body,
                    template, status, next_attempt_at, deadline, created_at, updated_at, quick_replies, attachments, subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                on conflict (workspace_id, idempotency_key) do nothing
                returning id""")
                .params(UUID.randomUUID(), workspace.value(), message.idempotencyKey(), customer.id().value(),
                        message.channel().name(), message.category().name(), message.address(), message.body(),
                        message.template(), Timestamp.from(now), Timestamp.from(now.plus(message.deadline())),
                        Timestamp.from(now), Timestamp.from(now), json.writeValueAsString(message.quickReplies()),
                        json.writeValueAsString(message.attachments()), message.subject())
                .query(UUID.class).optional();
        if (inserted.isPresent()) {
            var id = new MessageId(inserted.get());
            events.publishEvent(new MessageStatusChanged(workspace, id, customer.id(), message.channel(), MessageStatus.QUEUED, null));
            return id;
        }
        return jdbc.sql("select id from outbound_message where workspace_id = ? and idempotency_key = ?")
                .params(workspace.value(), message.idempotencyKey()).query((row, n) -> new MessageId(row.getObject(1, UUID.class)))
                .single();
    }

    public Optional<Entry> find(WorkspaceId workspace, MessageId id) {
        return jdbc.sql("select * from outbound_message where workspace_id = ? and id = ?").params(workspace.value(), id.value())
                .query((row, n) -> new Entry(id, MessageStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                        row.getString("provider_message_id"), row.getString("failure_reason"), row.getString("failure_detail")))
                .optional();
    }
}
