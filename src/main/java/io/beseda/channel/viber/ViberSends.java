package io.beseda.channel.viber;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Delivery;

/**
 * What Beseda handed to Viber, one row per Viber message, and the bot's limit: at most {@value #PER_HOUR}
 * messages to one user in an hour while the user has not answered. A customer's message resets the count;
 * otherwise the hour rolls, and a message that does not fit waits for the moment enough earlier ones are an
 * hour old.
 */
@Component
class ViberSends {

    static final int PER_HOUR = 100;
    static final Duration HOUR = Duration.ofHours(1);
    /** Rows older than this are only history: a message is never retried this long. */
    private static final Duration KEPT = Duration.ofDays(7);

    private final JdbcClient jdbc;

    ViberSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The parts of this outbound message Viber already took, by part number, with their message tokens. */
    Map<Integer, String> sentParts(Delivery delivery) {
        return jdbc.sql("select part, message_token from viber_sent where message_id = ?").param(delivery.messageId().value())
                .query((row, n) -> Map.entry(row.getInt(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(Delivery delivery, int part, String messageToken, Instant at) {
        jdbc.sql("""
                insert into viber_sent (workspace_id, message_id, part, account_id, customer_id, message_token, sent_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id, part) do nothing""")
                .params(delivery.workspaceId().value(), delivery.messageId().value(), part, delivery.account().id(),
                        delivery.customer().value(), messageToken, Timestamp.from(at))
                .update();
    }

    /**
     * When {@code count} more messages may go to the customer: null for now, else the moment the oldest
     * message holding the place for them turns an hour old. The hour counts only what was sent after the
     * customer last wrote through the account.
     */
    @Nullable Instant freeAt(Delivery delivery, int count, Instant now) {
        if (count > PER_HOUR) {
            throw new IllegalArgumentException(count + " messages never fit in Viber's " + PER_HOUR + " an hour");
        }
        var since = now.minus(HOUR);
        var lastWrote = lastInbound(delivery);
        if (lastWrote != null && lastWrote.isAfter(since)) {
            since = lastWrote;
        }
        jdbc.sql("delete from viber_sent where account_id = ? and customer_id = ? and sent_at < ?")
                .params(delivery.account().id(), delivery.customer().value(), Timestamp.from(now.minus(KEPT))).update();
        List<Instant> inWindow = jdbc.sql("""
                select sent_at from viber_sent where account_id = ? and customer_id = ? and sent_at > ? order by sent_at""")
                .params(delivery.account().id(), delivery.customer().value(), Timestamp.from(since))
                .query((row, n) -> row.getTimestamp(1).toInstant()).list();
        var over = inWindow.size() + count - PER_HOUR;
        return over <= 0 ? null : inWindow.get(over - 1).plus(HOUR);
    }

    /** When the customer last wrote to the bot (Beseda's clock, like {@code sent_at}). */
    private @Nullable Instant lastInbound(Delivery delivery) {
        return jdbc.sql("""
                select received_at from inbound_message
                where workspace_id = ? and customer_id = ? and channel = 'VIBER' and account_id = ?
                order by received_at desc limit 1""")
                .params(delivery.workspaceId().value(), delivery.customer().value(), delivery.account().id())
                .query((row, n) -> row.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    /** The Viber user a customer last wrote from through the account, for messages queued without an address. */
    @Nullable String lastSender(Delivery delivery) {
        return jdbc.sql("""
                select sender from inbound_message
                where workspace_id = ? and customer_id = ? and channel = 'VIBER' and account_id = ?
                order by sent_at desc limit 1""")
                .params(delivery.workspaceId().value(), delivery.customer().value(), delivery.account().id())
                .query(String.class).optional().orElse(null);
    }
}
