package io.beseda.channel.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.QuickReply;
import io.beseda.customer.CustomerId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What e-mail keeps beside the outbox: mailbox positions, customers' threads, bounces acted on. */
@Component
class EmailStore {

    /** A mail Beseda sent, found by its Message-ID. */
    record Sent(UUID id, String providerMessageId, CustomerId customer, @Nullable String address, List<QuickReply> quickReplies) {
    }

    /** The customer's latest mail: what our answer replies to. */
    record Thread(String messageId, @Nullable String subject) {
    }

    /** Where a reader stopped in a folder. */
    record Position(long uidValidity, long lastUid) {
    }

    private static final TypeReference<List<QuickReply>> REPLIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EmailStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The newest of the mails Beseda sent through the account under any of these Message-IDs. */
    Optional<Sent> sent(ChannelAccount account, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, provider_message_id, customer_id, address, quick_replies from outbound_message where workspace_id = :workspace "
                        + "and provider_message_id in (:ids) and channel = 'EMAIL' order by created_at desc limit 1")
                .param("workspace", account.workspaceId().value()).param("ids", List.copyOf(messageIds))
                .query((row, n) -> new Sent(row.getObject("id", UUID.class), row.getString("provider_message_id"), new CustomerId(row.getObject("customer_id", UUID.class)),
                        row.getString("address"), json.readValue(row.getString("quick_replies"), REPLIES)))
                .optional();
    }

    Optional<Thread> thread(ChannelAccount account, CustomerId customer) {
        return jdbc.sql("select message_id, subject from email_thread where account_id = ? and customer_id = ?")
                .params(account.id(), customer.value())
                .query((row, n) -> new Thread(row.getString(1), row.getString(2))).optional();
    }

    void noteThread(ChannelAccount account, CustomerId customer, String messageId, @Nullable String subject, Instant at) {
        jdbc.sql("""
                insert into email_thread (workspace_id, account_id, customer_id, message_id, subject, received_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (account_id, customer_id) do update set message_id = excluded.message_id, subject = excluded.subject,
                    received_at = excluded.received_at where email_thread.received_at <= excluded.received_at""")
                .params(account.workspaceId().value(), account.id(), customer.value(), messageId, subject, Timestamp.from(at))
                .update();
    }

    /** Whether this bounce is new (and now recorded). */
    boolean firstBounce(ChannelAccount account, String messageId, @Nullable String recipient, boolean hard, Instant at) {
        return jdbc.sql("""
                insert into email_bounce (workspace_id, account_id, message_id, recipient, hard, received_at)
                values (?, ?, ?, ?, ?, ?) on conflict (account_id, message_id) do nothing""")
                .params(account.workspaceId().value(), account.id(), messageId, recipient, hard, Timestamp.from(at))
                .update() == 1;
    }

    Optional<Position> position(ChannelAccount account) {
        return jdbc.sql("select uid_validity, last_uid from email_mailbox where account_id = ?").param(account.id())
                .query((row, n) -> new Position(row.getLong(1), row.getLong(2))).optional();
    }

    void move(ChannelAccount account, Position position, Instant at) {
        jdbc.sql("""
                insert into email_mailbox (workspace_id, account_id, uid_validity, last_uid, updated_at) values (?, ?, ?, ?, ?)
                on conflict (account_id) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
                    updated_at = excluded.updated_at""")
                .params(account.workspaceId().value(), account.id(), position.uidValidity(), position.lastUid(), Timestamp.from(at))
                .update();
    }

    /** The enabled e-mail accounts of every workspace, for the readers. */
    List<UUID> enabledAccounts() {
        return jdbc.sql("select id from channel_account where provider = ? and enabled order by id")
                .param(EmailConnectorFactory.PROVIDER).query(UUID.class).list();
    }
}
