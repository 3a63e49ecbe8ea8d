package io.beseda.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.StopWords;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.GroupCommit;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in what customers write: finds the customer, stores the message once (a redelivery is recognised
 * by the provider's id), opens the channel's reply window, honours a STOP at once, and announces the
 * message, all in one transaction (which messages arriving together share). A webhook controller answers
 * 200 only after this returns, that is after the commit.
 */
@Service
public class InboundMessages {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Customers customers;
    private final SendPolicy policy;
    private final Consents consents;
    private final ApplicationEventPublisher events;
    private final GroupCommit groupCommit;
    private final Clock clock;

    InboundMessages(JdbcClient jdbc, JsonMapper json, Customers customers, SendPolicy policy, Consents consents,
                    ApplicationEventPublisher events, GroupCommit groupCommit, Clock clock) {
        this.groupCommit = groupCommit;
        this.jdbc = jdbc;
        this.json = json;
        this.customers = customers;
        this.policy = policy;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    /** What a stored inbound message said, for the modules that show it. */
    public record Stored(UUID id, Channel channel, @Nullable UUID accountId, String sender, @Nullable String senderName,
                         @Nullable String text, List<Attachment> attachments, @Nullable String buttonPayload,
                         InboundMessage.@Nullable Location location, InboundMessage.@Nullable Contact contact, Instant sentAt) {
    }

    public Optional<Stored> find(WorkspaceId workspace, UUID id) {
        var justStored = justStored().get(id);
        if (justStored != null) {
            return justStored.workspace().equals(workspace) ? Optional.of(justStored.message()) : Optional.empty();
        }
        // By the primary key alone, the workspace checked on the row: with "workspace_id = ? and id = ?" a plan
        // cached while the table was small walks the workspace's whole (workspace_id, customer_id) index.
        return jdbc.sql("select * from inbound_message where id = ?")
                .param(id)
                .query((row, n) -> !workspace.value().equals(row.getObject("workspace_id", UUID.class)) ? null : new Stored(row.getObject("id", UUID.class), Channel.valueOf(row.getString("channel")),
                        row.getObject("account_id", UUID.class), row.getString("sender"), row.getString("sender_name"),
                        row.getString("text"), json.readValue(row.getString("attachments"), ATTACHMENTS),
                        row.getString("button_payload"), readOrNull(row.getString("location"), InboundMessage.Location.class),
                        readOrNull(row.getString("contact"), InboundMessage.Contact.class), row.getTimestamp("sent_at").toInstant()))
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private record InWorkspace(WorkspaceId workspace, Stored message) {
    }

    /**
     * The messages this transaction stored, so the listeners it runs ({@code InboundToConversation} puts each
     * in its thread) read them without asking the database again. Gone with the transaction.
     */
    @SuppressWarnings("unchecked")
    private static Map<UUID, InWorkspace> justStored() {
        var stored = (Map<UUID, InWorkspace>) TransactionSynchronizationManager.getResource(JUST_STORED);
        return stored == null ? Map.of() : stored;
    }

    @SuppressWarnings("unchecked")
    private static void remember(WorkspaceId workspace, Stored message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var stored = (Map<UUID, InWorkspace>) TransactionSynchronizationManager.getResource(JUST_STORED);
        if (stored == null) {
            stored = new HashMap<>();
            TransactionSynchronizationManager.bindResource(JUST_STORED, stored);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JUST_STORED);
                }
            });
        }
        stored.put(message.id(), new InWorkspace(workspace, message));
    }

    private static final Object JUST_STORED = new Object();

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private <T> @Nullable T readOrNull(@Nullable String value, Class<T> type) {
        return value == null ? null : json.readValue(value, type);
    }

    /** Who wrote a message taken in, and the message's id unless it had been stored before. */
    public record Accepted(CustomerId customer, Optional<UUID> messageId) {
    }

    /** Stores a message that came without a known account (the sandbox phone, tests). */
    public Optional<UUID> receive(WorkspaceId workspace, InboundMessage message) {
        return receive(workspace, null, message);
    }

    /**
     * Stores the message; empty when it was already stored, or when the sender is a customer whose data
     * was erased (their identities must not bring a profile back).
     */
    public Optional<UUID> receive(WorkspaceId workspace, @Nullable UUID accountId, InboundMessage message) {
        return accept(workspace, accountId, message).flatMap(Accepted::messageId);
    }

    /**
     * As {@link #receive}, and says who the sender is even for a message stored before; empty only for a
     * customer whose data was erased. Outside a transaction the write shares one with other messages
     * arriving at the same moment ({@link GroupCommit}; one sender's always commit in order); it returns once
     * that has committed.
     */
    public Optional<Accepted> accept(WorkspaceId workspace, @Nullable UUID accountId, InboundMessage message) {
        return groupCommit.run(List.of(workspace, message.sender()), () -> store(workspace, accountId, message));
    }

    private Optional<Accepted> store(WorkspaceId workspace, @Nullable UUID accountId, InboundMessage message) {
        var customer = customers.resolve(workspace, List.of(message.sender()), message.sentAt());
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        var id = jdbc.sql("""
                insert into inbound_message (id, workspace_id, channel, provider_message_id, customer_id, sender, sender_name,
                    text, attachments, button_payload, sent_at, received_at, account_id, location, contact)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                on conflict (workspace_id, channel, provider_message_id) do nothing
                returning id""")
                .params(UUID.randomUUID(), workspace.value(), message.channel().name(), message.providerMessageId(),
                        customer.get().value(), message.sender().value(), message.senderName(), message.text(),
                        json.writeValueAsString(message.attachments()), message.buttonPayload(),
                        Timestamp.from(message.sentAt()), Timestamp.from(clock.instant()), accountId,
                        message.location() == null ? null : json.writeValueAsString(message.location()),
                        message.contact() == null ? null : json.writeValueAsString(message.contact()))
                .query(UUID.class).optional();
        if (id.isEmpty()) {
            return Optional.of(new Accepted(customer.get(), Optional.empty()));
        }
        remember(workspace, new Stored(id.get(), message.channel(), accountId, message.sender().value(), message.senderName(),
                message.text(), message.attachments(), message.buttonPayload(), message.location(), message.contact(), message.sentAt()));
        policy.recordInbound(workspace, customer.get(), message.channel(), message.sentAt());
        if (message.text() != null && StopWords.isStop(message.text())) {
            consents.stop(workspace, customer.get(), message.channel(), message.sender().value(), ConsentSource.STOP);
        }
        events.publishEvent(new InboundMessageReceived(workspace, id.get(), customer.get(), message.channel(), accountId));
        return Optional.of(new Accepted(customer.get(), id));
    }
}
