package io.beseda.conversation.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.conversation.ConversationChanged;
import io.beseda.workspace.WorkspaceId;

/**
 * What each operator has read, for the inbox's unread counts: opening a conversation (or seeing a new
 * message arrive in it) moves the operator's marker past its latest message. Small on purpose until the
 * conversation module's own read markers take over.
 */
@Component
class InboxReadState {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxReadState(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Marks the conversation read up to now (or its latest message, if that is stamped later); the caller checked it is the workspace's. */
    @Transactional
    void markRead(WorkspaceId workspace, UUID conversation, UUID user) {
        var moved = jdbc.sql("""
                insert into conversation_read (workspace_id, conversation_id, user_id, read_at)
                select ?, ?, ?, greatest(?, max(m.created_at)) from conversation_message m
                where m.workspace_id = ? and m.conversation_id = ?
                on conflict (conversation_id, user_id) do update set read_at = excluded.read_at
                where conversation_read.read_at < excluded.read_at""")
                .params(workspace.value(), conversation, user, Timestamp.from(clock.instant()), workspace.value(), conversation)
                .update();
        if (moved == 1) {
            events.publishEvent(new ConversationChanged(workspace, conversation, ConversationChanged.Change.READ));
        }
    }
}
