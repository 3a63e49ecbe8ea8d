package io.beseda.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * What a connector is asked to send: one message, to one address, through one account.
 *
 * @param category why it is sent (a reply, a service notice, marketing): e-mail marks marketing with a
 *                 one-click {@code List-Unsubscribe}
 */
public record Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                       @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                       List<Attachment> attachments, MessageCategory category) {

    public Delivery {
        quickReplies = List.copyOf(quickReplies);
        attachments = List.copyOf(attachments);
    }

    /** A reply (the category connectors that ignore it were written against). */
    public Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                    @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                    List<Attachment> attachments) {
        this(workspaceId, messageId, account, customer, address, body, template, quickReplies, attachments, MessageCategory.REPLY);
    }
}
