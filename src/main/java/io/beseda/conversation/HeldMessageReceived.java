package io.beseda.conversation;

import java.util.UUID;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A customer wrote in a conversation that is held ({@link ConversationStatus#PENDING}): the bot answers.
 *
 * @param messageId        the message in the thread
 * @param inboundMessageId the message as the channel took it in (text, files, pressed button, location)
 */
public record HeldMessageReceived(WorkspaceId workspaceId, UUID conversationId, UUID messageId, UUID inboundMessageId,
                                  CustomerId customer) {
}
