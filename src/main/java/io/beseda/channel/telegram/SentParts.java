package io.beseda.channel.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageId;
import io.beseda.workspace.WorkspaceId;

/**
 * The Telegram messages an outbound message has gone out as so far. One Beseda message may be several Telegram
 * messages (its photos, then its text cut at 4,096 characters); when a later part fails and the dispatcher tries
 * again, the parts already in the chat are not sent twice.
 */
@Component
class SentParts {

    private final JdbcClient jdbc;

    SentParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Part number → provider message id ({@code <chat id>:<message id>}) of the parts that went. */
    Map<Integer, String> of(WorkspaceId workspace, MessageId message) {
        return jdbc.sql("select part, provider_message_id from telegram_sent_part where workspace_id = ? and message_id = ?")
                .params(workspace.value(), message.value())
                .query((row, n) -> Map.entry(row.getInt(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(WorkspaceId workspace, MessageId message, int part, String providerMessageId) {
        jdbc.sql("insert into telegram_sent_part (workspace_id, message_id, part, provider_message_id) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(workspace.value(), message.value(), part, providerMessageId).update();
    }

    /**
     * The provider id Beseda keeps for the message one Telegram message was part of (its last part's), so that a
     * reply to the first part of a long answer is known as a reply to that answer.
     */
    Optional<String> messageOf(WorkspaceId workspace, String partId) {
        return jdbc.sql("""
                        select o.provider_message_id from telegram_sent_part p join outbound_message o on o.id = p.message_id
                        where p.workspace_id = ? and p.provider_message_id = ? and o.provider_message_id is not null""")
                .params(workspace.value(), partId).query(String.class).optional();
    }
}
