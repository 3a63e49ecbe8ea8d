package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.consent.MessageCategory;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Beseda says to a customer on its own (the out-of-office reply, the CSAT question): queued like an
 * operator's reply and shown in the thread as OUT, but it neither answers the customer's wait nor counts as
 * the shop's first reply. Callers make sure each is sent once; the idempotency key guards the outbox too.
 */
@Component
class AutomaticMessages {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AutomaticMessages(JdbcClient jdbc, Outbox outbox, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    UUID send(WorkspaceId workspace, Conversation conversation, String text, String author, List<QuickReply> quickReplies,
              String idempotencyKey) {
        var outbound = outbox.queue(workspace, new OutboundMessage(conversation.customer(), conversation.lastChannel(),
                MessageCategory.REPLY, text, conversation.lastAddress(), idempotencyKey, false, Duration.ofHours(24), quickReplies,
                List.of()));
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into conversation_message (id, workspace_id, conversation_id, direction, channel, text, author,
                    outbound_message_id, created_at, quick_replies)
                values (?, ?, ?, 'OUT', ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, workspace.value(), conversation.id(), conversation.lastChannel().name(), text, author,
                        outbound.value(), Timestamp.from(clock.instant()), json.writeValueAsString(quickReplies))
                .update();
        events.publishEvent(new MessageAppended(workspace, conversation.id(), id, ConversationMessage.Direction.OUT));
        return outbound.value();
    }
}
