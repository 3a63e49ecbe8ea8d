package io.beseda.channel.viber;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;

/**
 * Viber's {@code failed} callback: a message it had taken did not reach the user. The outbound message moves
 * from SENT to FAILED with Viber's description (a receipt only ever moves forward, so a message already
 * delivered or read stays so), which the inbox shows and journeys fail over on. Any part of a delivery counts:
 * its token is looked up among the parts sent.
 */
@Component
class ViberFailures {

    private final JdbcClient jdbc;
    private final ChannelAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ViberFailures(JdbcClient jdbc, ChannelAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void failed(ChannelAccount account, String messageToken, String description) {
        var now = clock.instant();
        var detail = "Viber: " + (description.isBlank() ? "the message was not delivered" : description);
        accounts.noteError(account.id(), detail, now);
        var workspace = account.workspaceId();
        jdbc.sql("""
                update outbound_message set status = 'FAILED', failure_reason = 'REJECTED', failure_detail = ?, updated_at = ?
                where workspace_id = ? and status = 'SENT'
                  and id = (select message_id from viber_sent where account_id = ? and message_token = ? limit 1)
                returning id, customer_id""")
                .params(detail, Timestamp.from(now), workspace.value(), account.id(), messageToken)
                .query((row, n) -> new MessageStatusChanged(workspace, new MessageId(row.getObject("id", UUID.class)),
                        new CustomerId(row.getObject("customer_id", UUID.class)), Channel.VIBER, MessageStatus.FAILED, "REJECTED"))
                .optional().ifPresent(events::publishEvent);
    }
}
