package io.beseda.conversation.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.QuickReply;
import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationMessage.Direction;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thread as the console shows it, in one query: each message with its files (a customer's come from
 * the stored inbound message), the buttons sent with it and the delivery state of a reply.
 */
@Component
class ThreadQuery {

    /** A thread shows its latest messages; older ones stay in the API. */
    static final int SHOWN = 300;

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;

    ThreadQuery(JdbcClient jdbc, JsonMapper json, MessageSource messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /**
     * @param after only messages later than this (what a live page has not shown yet)
     * @param only  only these messages (one whose delivery moved)
     */
    List<ThreadMessage> messages(WorkspaceId workspace, UUID conversation, @Nullable Instant after,
                                 @Nullable Collection<UUID> only, Locale locale) {
        var list = jdbc.sql("""
                select * from (
                  select m.id, m.direction, m.channel, m.text, m.author, m.created_at, m.outbound_message_id,
                         case when m.attachments <> '[]'::jsonb then m.attachments::text
                              else coalesce(i.attachments::text, '[]') end as attachments,
                         m.quick_replies::text as quick_replies, i.button_payload,
                         o.status as delivery, o.failure_reason, o.failure_detail
                  from conversation_message m
                  left join inbound_message i on i.workspace_id = m.workspace_id and i.id = m.inbound_message_id
                  left join outbound_message o on o.workspace_id = m.workspace_id and o.id = m.outbound_message_id
                  where m.workspace_id = :ws and m.conversation_id = :conversation
                    and (cast(:after as timestamptz) is null or m.created_at > :after)
                    and (cast(:filtered as boolean) = false or m.id = any(:ids))
                  order by m.created_at desc, m.id desc limit :shown) latest
                order by created_at, id""")
                .param("ws", workspace.value()).param("conversation", conversation)
                .param("after", after == null ? null : Timestamp.from(after))
                .param("filtered", only != null).param("ids", only == null ? new UUID[0] : only.toArray(UUID[]::new))
                .param("shown", SHOWN)
                .query((row, n) -> message(row, locale)).list();
        return list;
    }

    private ThreadMessage message(ResultSet row, Locale locale) throws SQLException {
        var channel = row.getString("channel");
        var delivery = row.getString("delivery");
        var status = delivery == null ? null : MessageStatus.valueOf(delivery);
        return new ThreadMessage(row.getObject("id", UUID.class), Direction.valueOf(row.getString("direction")),
                channel == null ? null : Channel.valueOf(channel), row.getString("text"), row.getString("author"),
                row.getTimestamp("created_at").toInstant(), row.getObject("outbound_message_id", UUID.class), status,
                status == MessageStatus.FAILED ? failure(row.getString("failure_reason"), row.getString("failure_detail"), locale) : null,
                json.readValue(row.getString("attachments"), ATTACHMENTS), json.readValue(row.getString("quick_replies"), QUICK_REPLIES),
                row.getString("button_payload"));
    }

    /** The send policy's reasons and the dispatcher's codes in the reader's words; the provider's own text otherwise. */
    private String failure(@Nullable String reason, @Nullable String detail, Locale locale) {
        var fallback = detail == null ? (reason == null ? "" : reason) : detail;
        if (reason == null) {
            return fallback;
        }
        var policy = messages.getMessage("consent.reason." + reason, null, null, locale);
        if (policy != null) {
            return policy;
        }
        var own = messages.getMessage("inbox.failure." + reason, null, null, locale);
        return own == null ? fallback : own + (detail == null ? "" : " (" + detail + ")");
    }
}
