package io.beseda.channel.dispatch;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.MessageId;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** An outbound message this node has claimed to work on. */
record Claimed(MessageId id, WorkspaceId workspace, CustomerId customer, Channel channel, MessageCategory category,
               @Nullable String address, String body, boolean template, int attempts, Instant deadline) {

    static Claimed of(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Claimed(new MessageId(row.getObject("id", UUID.class)), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)), Channel.valueOf(row.getString("channel")),
                MessageCategory.valueOf(row.getString("category")), row.getString("address"), row.getString("body"),
                row.getBoolean("template"), row.getInt("attempts"), row.getTimestamp("deadline").toInstant());
    }
}
