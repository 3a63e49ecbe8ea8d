package io.beseda.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * What a connector is asked to send: one message, to one address, through one account.
 *
 * @param category the message's traffic type (a reply, a service notice, marketing), for providers that carry or
 *                 bill them apart (SMS centres: a sender name per type) and for e-mail, which marks marketing with a
 *                 one-click {@code List-Unsubscribe}
 * @param subject  the sender's e-mail subject or push title; null lets the connector choose its own
 */
public record Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                       @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                       List<Attachment> attachments, MessageCategory category, @Nullable String subject) {

    /** A delivery without a subject of its own. */
    public Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                    @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                    List<Attachment> attachments, MessageCategory category) {
        this(workspaceId, messageId, account, customer, address, body, template, quickReplies, attachments, category, null);
    }

    /** A delivery whose traffic type does not matter to the provider: sent as a reply. */
    public Delivery(WorkspaceId workspaceId, MessageId messageId, ChannelAccount account, CustomerId customer,
                    @Nullable String address, String body, boolean template, List<QuickReply> quickReplies,
                    List<Attachment> attachments) {
        this(workspaceId, messageId, account, customer, address, body, template, quickReplies, attachments, MessageCategory.REPLY, null);
    }

    public Delivery {
        quickReplies = List.copyOf(quickReplies);
        attachments = List.copyOf(attachments);
    }
}
