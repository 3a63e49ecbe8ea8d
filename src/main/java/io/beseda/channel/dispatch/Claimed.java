package io.beseda.channel.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.MessageId;
import io.beseda.channel.QuickReply;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An outbound message this node has claimed to work on. */
record Claimed(MessageId id, WorkspaceId workspace, CustomerId customer, Channel channel, MessageCategory category,
               @Nullable String address, String body, boolean template, int attempts, Instant deadline,
               List<QuickReply> quickReplies, List<Attachment> attachments, @Nullable String subject) {

    static Claimed of(java.sql.ResultSet row, JsonMapper json) throws java.sql.SQLException {
        return new Claimed(new MessageId(row.getObject("id", UUID.class)), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)), Channel.valueOf(row.getString("channel")),
                MessageCategory.valueOf(row.getString("category")), row.getString("address"), row.getString("body"),
                row.getBoolean("template"), row.getInt("attempts"), row.getTimestamp("deadline").toInstant(),
                json.readValue(row.getString("quick_replies"), new TypeReference<List<QuickReply>>() {
                }),
                json.readValue(row.getString("attachments"), new TypeReference<List<Attachment>>() {
                }), row.getString("subject"));
    }
}
