package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.WorkspaceId;

/** What each person has read: a marker per conversation, and the customer's messages after it count as unread. */
@Service
public class ReadMarkers {

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReadMarkers(JdbcClient jdbc, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in person has seen the thread up to now. */
    @Transactional
    public void markRead(Actor actor, UUID conversationId) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new RuleViolationException("conversation.read.not-a-user", "Only a signed-in person reads threads");
        }
        conversations.get(actor.workspaceId(), conversationId);
        jdbc.sql("""
                insert into conversation_read (workspace_id, conversation_id, user_id, read_at) values (?, ?, ?, ?)
                on conflict (conversation_id, user_id) do update set read_at = greatest(conversation_read.read_at, excluded.read_at)""")
                .params(actor.workspaceId().value(), conversationId, actor.id(), Timestamp.from(clock.instant())).update();
        events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.READ));
    }

    /** Unread customer messages per conversation for this user; conversations of other workspaces count nothing. */
    public Map<UUID, Integer> unreadCounts(WorkspaceId workspace, UserId user, Collection<UUID> conversationIds) {
        var counts = new HashMap<UUID, Integer>();
        if (conversationIds.isEmpty()) {
            return counts;
        }
        conversationIds.forEach(id -> counts.put(id, 0));
        jdbc.sql("""
                select m.conversation_id, count(*) from conversation_message m
                left join conversation_read r on r.conversation_id = m.conversation_id and r.user_id = ?
                where m.workspace_id = ? and m.conversation_id = any(?::uuid[]) and m.direction = 'IN'
                  and (r.read_at is null or m.created_at > r.read_at)
                group by m.conversation_id""")
                .params(user.value(), workspace.value(), "{" + String.join(",", conversationIds.stream().map(UUID::toString).toList()) + "}")
                .query((row, n) -> counts.put(row.getObject(1, UUID.class), row.getInt(2))).list();
        return counts;
    }

    public int unread(WorkspaceId workspace, UserId user, UUID conversationId) {
        return unreadCounts(workspace, user, java.util.List.of(conversationId)).getOrDefault(conversationId, 0);
    }
}
