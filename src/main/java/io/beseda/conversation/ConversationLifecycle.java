package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.WorkspaceId;

/**
 * What follows from what happens in a thread: a customer's message reopens it, joins the inbox's team
 * queue, starts the SLA clock and may get the out-of-office reply; a reply stops the clock; a status change
 * frees the operator, puts a reopened thread back in the queue (its previous operator first), or asks for
 * a CSAT rating. {@link Conversations} calls these hooks inside its own transactions.
 */
@Component
class ConversationLifecycle {

    private final JdbcClient jdbc;
    private final InboxSettings inboxes;
    private final SlaClock sla;
    private final OutOfOffice outOfOffice;
    private final CsatRequests csat;
    private final Operators operators;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationLifecycle(JdbcClient jdbc, InboxSettings inboxes, SlaClock sla, OutOfOffice outOfOffice, CsatRequests csat,
                          Operators operators, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.inboxes = inboxes;
        this.sla = sla;
        this.outOfOffice = outOfOffice;
        this.csat = csat;
        this.operators = operators;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The customer's message was appended (once); a rating ({@code reopens == false}) changes nothing else.
     *
     * @param conversation the conversation as the statement that appended the message left it, row lock held
     * @param held         a bot holds the inbox: a resolved conversation goes back to it (pending), not to the queue
     * @return the conversation's status now
     */
    ConversationStatus customerWrote(WorkspaceId workspace, Conversation conversation, Instant at, boolean reopens, boolean held) {
        if (!reopens) {
            return conversation.status();
        }
        var conversationId = conversation.id();
        var inbox = inboxes.recent(workspace, conversation.inboxId());
        boolean changed = false;
        if (conversation.teamId() == null && inbox.teamId() != null) {
            // Joined with the team: the inbox may be a few seconds old, and its team deleted since.
            changed = jdbc.sql("update conversation c set team_id = t.id from team t where c.id = ? and t.workspace_id = ? and t.id = ?")
                    .params(conversationId, workspace.value(), inbox.teamId()).update() == 1;
        }
        if (conversation.status() == ConversationStatus.RESOLVED && held) {
            jdbc.sql("update conversation set status = 'PENDING', snoozed_until = null, assignee_id = null where workspace_id = ? and id = ?")
                    .params(workspace.value(), conversationId).update();
            events.publishEvent(new ConversationChanged(workspace, conversationId, ConversationChanged.Change.STATUS));
            return ConversationStatus.PENDING;
        }
        if (conversation.status() == ConversationStatus.PENDING) {
            return ConversationStatus.PENDING;
        }
        if (conversation.status() == ConversationStatus.RESOLVED || conversation.status() == ConversationStatus.SNOOZED) {
            reopen(workspace, conversation);
            events.publishEvent(new ConversationChanged(workspace, conversationId, ConversationChanged.Change.STATUS));
            changed = true;
        }
        if (changed) {
            conversation = lock(workspace, conversationId);
        }
        if (conversation.waitingSince() == null && conversation.status() == ConversationStatus.OPEN) {
            sla.startWaiting(workspace, conversationId, inbox, at);
        }
        outOfOffice.answerIfClosed(workspace, conversation, inbox, at);
        queueIfWaiting(workspace, conversation);
        return conversation.status();
    }

    /** A pending conversation opens for operators: the customer waits from now, and it joins the queue. */
    boolean handOver(WorkspaceId workspace, UUID conversationId) {
        var before = lock(workspace, conversationId);
        if (before.status() != ConversationStatus.PENDING) {
            return false;
        }
        reopen(workspace, before);
        var now = lock(workspace, conversationId);
        sla.startWaiting(workspace, conversationId, inboxes.get(workspace, now.inboxId()), clock.instant());
        queueIfWaiting(workspace, lock(workspace, conversationId));
        return true;
    }

    /** An operator's reply (not a note) went out: the customer no longer waits. */
    void replied(WorkspaceId workspace, UUID conversationId) {
        sla.answered(workspace, conversationId);
    }

    /**
     * Moves the conversation to {@code status} (a snooze until {@code until}, or until the customer writes);
     * says whether anything changed.
     */
    boolean changeStatus(Actor actor, UUID conversationId, ConversationStatus status, @Nullable Instant until) {
        var workspace = actor.workspaceId();
        var before = lock(workspace, conversationId);
        if (before.status() == status && (status != ConversationStatus.SNOOZED || java.util.Objects.equals(before.snoozedUntil(), until))) {
            return false;
        }
        if (status == ConversationStatus.OPEN) {
            reopen(workspace, before);
        } else {
            jdbc.sql("update conversation set status = ?, snoozed_until = ? where workspace_id = ? and id = ?")
                    .params(status.name(), until == null ? null : Timestamp.from(until), workspace.value(), conversationId).update();
        }
        if (status == ConversationStatus.RESOLVED || status == ConversationStatus.SNOOZED) {
            sla.stop(workspace, conversationId);
        }
        if (before.status() == ConversationStatus.OPEN && before.assigneeId() != null && status != ConversationStatus.OPEN) {
            operators.queuesMayMove(workspace, new UserId(before.assigneeId()));
        }
        if (status == ConversationStatus.OPEN) {
            startWaitingIfCustomerSpokeLast(workspace, conversationId);
            queueIfWaiting(workspace, lock(workspace, conversationId));
        }
        if (status == ConversationStatus.RESOLVED && before.status() != ConversationStatus.RESOLVED && actor.kind() != Actor.Kind.SYSTEM) {
            csat.ask(workspace, before, before.assigneeId());
        }
        return true;
    }

    /** Back to OPEN and to the queue: the operator who had it becomes the previous one, preferred when free. */
    private void reopen(WorkspaceId workspace, Conversation conversation) {
        jdbc.sql("""
                update conversation set status = 'OPEN', snoozed_until = null, assignee_id = null,
                    previous_assignee_id = coalesce(assignee_id, previous_assignee_id)
                where workspace_id = ? and id = ?""").params(workspace.value(), conversation.id()).update();
        if (conversation.assigneeId() != null) {
            events.publishEvent(new ConversationChanged(workspace, conversation.id(), ConversationChanged.Change.ASSIGNMENT));
        }
    }

    private void startWaitingIfCustomerSpokeLast(WorkspaceId workspace, UUID conversationId) {
        var last = jdbc.sql("""
                select direction from conversation_message where conversation_id = ? and direction <> 'NOTE'
                order by created_at desc, id desc limit 1""").param(conversationId).query(String.class).optional();
        if (last.filter("IN"::equals).isPresent()) {
            var conversation = lock(workspace, conversationId);
            sla.startWaiting(workspace, conversationId, inboxes.get(workspace, conversation.inboxId()), clock.instant());
        }
    }

    private void queueIfWaiting(WorkspaceId workspace, Conversation conversation) {
        if (conversation.status() == ConversationStatus.OPEN && conversation.assigneeId() == null && conversation.teamId() != null) {
            events.publishEvent(new AssignmentNeeded(workspace, conversation.teamId()));
        }
    }

    private Conversation lock(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from conversation where workspace_id = ? and id = ? for update").params(workspace.value(), id)
                .query(Conversations::map).single();
    }
}
