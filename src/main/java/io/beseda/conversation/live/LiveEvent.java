package io.beseda.conversation.live;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.beseda.channel.CustomerTyping;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.conversation.ConversationChanged;
import io.beseda.conversation.MessageAppended;

/**
 * What one committed event tells the console, kept small: ids and a word, never content. The same JSON is
 * the NOTIFY payload between nodes and the {@code data} of the SSE event; pages fetch what they show.
 *
 * @param kind         {@code message}, {@code changed}, {@code status} or {@code typing} (also the SSE event name)
 * @param conversation the conversation a message or change belongs to
 * @param message      the new conversation message
 * @param direction    IN, OUT or NOTE for a new message
 * @param change       what changed about a conversation (STATUS, ASSIGNMENT, READ, …)
 * @param outbound     the outbound message whose delivery status moved
 * @param customer     whose message moved, or who is typing
 * @param status       the outbound message's new status (QUEUED … READ, FAILED)
 * @param channel      where the customer is typing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LiveEvent(UUID workspace, String kind, @Nullable UUID conversation, @Nullable UUID message, @Nullable String direction,
                 @Nullable String change, @Nullable UUID outbound, @Nullable UUID customer, @Nullable String status,
                 @Nullable String channel) {

    static LiveEvent of(MessageAppended e) {
        return new LiveEvent(e.workspaceId().value(), "message", e.conversationId(), e.messageId(), e.direction().name(),
                null, null, null, null, null);
    }

    static LiveEvent of(ConversationChanged e) {
        return new LiveEvent(e.workspaceId().value(), "changed", e.conversationId(), null, null, e.change().name(),
                null, null, null, null);
    }

    static LiveEvent of(MessageStatusChanged e) {
        return new LiveEvent(e.workspaceId().value(), "status", null, null, null, null, e.messageId().value(),
                e.customer().value(), e.status().name(), null);
    }

    static LiveEvent of(CustomerTyping e) {
        return new LiveEvent(e.workspaceId().value(), "typing", null, null, null, null, null, e.customer().value(), null,
                e.channel().name());
    }
}
