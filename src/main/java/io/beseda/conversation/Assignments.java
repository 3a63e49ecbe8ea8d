package io.beseda.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.WorkspaceId;

/**
 * Who handles a conversation, by hand: assign to an operator (never past their capacity for an open
 * chat), unassign back to the queue, or transfer to an operator or a team with a note for the thread.
 */
@Service
public class Assignments {

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Operators operators;
    private final Teams teams;
    private final AssignmentQueue queue;
    private final ThreadTexts texts;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Assignments(JdbcClient jdbc, Conversations conversations, Operators operators, Teams teams, AssignmentQueue queue,
                ThreadTexts texts, ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.operators = operators;
        this.teams = teams;
        this.queue = queue;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** Assigns to {@code operator}, or puts the conversation back in its team's queue when null. */
    @Transactional
    public Conversation assign(Actor actor, UUID conversationId, @Nullable UserId operator) {
        InboxPermissions.requireInboxWorker(actor);
        var before = lock(actor.workspaceId(), conversationId);
        if (operator == null) {
            if (before.assigneeId() != null) {
                jdbc.sql("update conversation set assignee_id = null, previous_assignee_id = null where id = ?").param(conversationId).update();
                changed(actor.workspaceId(), before);
                if (before.teamId() != null && before.status() == ConversationStatus.OPEN) {
                    events.publishEvent(new AssignmentNeeded(actor.workspaceId(), before.teamId()));
                }
            }
        } else if (!operator.value().equals(before.assigneeId())) {
            operators.get(actor.workspaceId(), operator);
            int load = queue.lockAndCountLoad(actor.workspaceId(), operator.value());
            if (before.status() == ConversationStatus.OPEN && load >= queue.capacity(operator.value())) {
                throw new RuleViolationException("conversation.assign.over-capacity", "The operator has no room for another open chat");
            }
            queue.assign(actor.workspaceId(), conversationId, operator.value(), clock.instant());
            freed(actor.workspaceId(), before);
        }
        return conversations.get(actor.workspaceId(), conversationId);
    }

    /** Hands the conversation to another operator, leaving a note in the thread: «Передано оператору …: note». */
    @Transactional
    public Conversation transferToOperator(Actor actor, UUID conversationId, UserId operator, @Nullable String note) {
        var target = operators.get(actor.workspaceId(), operator);
        var result = assign(actor, conversationId, operator);
        conversations.note(actor, conversationId, withNote(texts.text("conversation.transfer.operator", target.name()), note));
        return result;
    }

    /** Moves the conversation to another team's queue, leaving a note in the thread: «Передано команде …: note». */
    @Transactional
    public Conversation transferToTeam(Actor actor, UUID conversationId, UUID teamId, @Nullable String note) {
        InboxPermissions.requireInboxWorker(actor);
        var team = teams.get(actor.workspaceId(), teamId);
        var before = lock(actor.workspaceId(), conversationId);
        jdbc.sql("update conversation set team_id = ?, assignee_id = null, previous_assignee_id = null where id = ?")
                .params(teamId, conversationId).update();
        changed(actor.workspaceId(), before);
        if (before.status() == ConversationStatus.OPEN) {
            events.publishEvent(new AssignmentNeeded(actor.workspaceId(), teamId));
        }
        conversations.note(actor, conversationId, withNote(texts.text("conversation.transfer.team", team.name()), note));
        return conversations.get(actor.workspaceId(), conversationId);
    }

    private void changed(WorkspaceId workspace, Conversation before) {
        events.publishEvent(new ConversationChanged(workspace, before.id(), ConversationChanged.Change.ASSIGNMENT));
        freed(workspace, before);
    }

    private void freed(WorkspaceId workspace, Conversation before) {
        if (before.assigneeId() != null && before.status() == ConversationStatus.OPEN) {
            operators.queuesMayMove(workspace, new UserId(before.assigneeId()));
        }
    }

    private static String withNote(String transfer, @Nullable String note) {
        return note == null || note.isBlank() ? transfer : transfer + ": " + note.strip();
    }

    private Conversation lock(WorkspaceId workspace, UUID id) {
        conversations.get(workspace, id);
        return jdbc.sql("select * from conversation where workspace_id = ? and id = ? for update").params(workspace.value(), id)
                .query(Conversations::map).single();
    }
}
