package io.beseda.channel.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;

/** Moves a claimed message to its next state and announces the states others care about. */
@Component
class MessageUpdates {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageUpdates(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void sent(Claimed message, java.util.UUID account, String providerMessageId) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update outbound_message set status = 'SENT', account_id = ?, provider_message_id = ?, sent_at = ?,
                    attempts = attempts + 1, failure_reason = null, failure_detail = null, updated_at = ?
                where id = ? and status = 'SENDING'""")
                .params(account, providerMessageId, now, now, message.id().value()).update();
        publish(message, MessageStatus.SENT, null);
    }

    @Transactional
    void retryAt(Claimed message, Instant at, boolean attempted, @Nullable String reason) {
        jdbc.sql("""
                update outbound_message set status = 'QUEUED', next_attempt_at = ?, attempts = attempts + ?,
                    failure_detail = coalesce(?, failure_detail), updated_at = ?
                where id = ? and status = 'SENDING'""")
                .params(Timestamp.from(at), attempted ? 1 : 0, reason, Timestamp.from(clock.instant()), message.id().value())
                .update();
    }

    @Transactional
    void failed(Claimed message, String reason, String detail) {
        jdbc.sql("""
                update outbound_message set status = 'FAILED', failure_reason = ?, failure_detail = ?, updated_at = ?
                where id = ? and status = 'SENDING'""")
                .params(reason, detail, Timestamp.from(clock.instant()), message.id().value()).update();
        publish(message, MessageStatus.FAILED, reason);
    }

    private void publish(Claimed message, MessageStatus status, @Nullable String reason) {
        events.publishEvent(new MessageStatusChanged(message.workspace(), message.id(), message.customer(),
                message.channel(), status, reason));
    }
}
