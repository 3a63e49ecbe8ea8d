package io.beseda.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** What a connector is asked to send: one message, to one address, through one account. */
public record Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                       @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                       List<Attachment> attachments) {

    public Delivery {
        quickReplies = List.copyOf(quickReplies);
        attachments = List.copyOf(attachments);
    }
}
