package io.beseda.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * Sorting a conversation: its priority (the queue hands out urgent ones first), labels (lower case, at
 * most {@value #MAX_LABELS}, each at most {@value #MAX_LABEL_LENGTH} characters), and snoozing it until
 * a time (it reopens then, or when the customer writes).
 */
@Service
public class Triage {

    public static final int MAX_LABELS = 20;
    public static final int MAX_LABEL_LENGTH = 32;

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final ConversationLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Triage(JdbcClient jdbc, Conversations conversations, ConversationLifecycle lifecycle, ApplicationEventPublisher events,
           Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.lifecycle = lifecycle;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Conversation setPriority(Actor actor, UUID conversationId, Priority priority) {
        InboxPermissions.requireInboxWorker(actor);
        conversations.get(actor.workspaceId(), conversationId);
        jdbc.sql("update conversation set priority = ? where workspace_id = ? and id = ?")
                .params(priority.name(), actor.workspaceId().value(), conversationId).update();
        events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.PRIORITY));
        return conversations.get(actor.workspaceId(), conversationId);
    }

    @Transactional
    public Conversation setLabels(Actor actor, UUID conversationId, List<String> labels) {
        InboxPermissions.requireInboxWorker(actor);
        conversations.get(actor.workspaceId(), conversationId);
        var normalised = normalise(labels);
        jdbc.sql("update conversation set labels = ?::text[] where workspace_id = ? and id = ?")
                .params(toArray(normalised), actor.workspaceId().value(), conversationId).update();
        events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.LABELS));
        return conversations.get(actor.workspaceId(), conversationId);
    }

    @Transactional
    public Conversation addLabel(Actor actor, UUID conversationId, String label) {
        var labels = new ArrayList<>(conversations.get(actor.workspaceId(), conversationId).labels());
        labels.add(label);
        return setLabels(actor, conversationId, labels);
    }

    @Transactional
    public Conversation removeLabel(Actor actor, UUID conversationId, String label) {
        var labels = new ArrayList<>(conversations.get(actor.workspaceId(), conversationId).labels());
        labels.remove(label.strip().toLowerCase(Locale.ROOT));
        return setLabels(actor, conversationId, labels);
    }

    /** Snoozes until {@code until} (in the future); the operator's chat is freed meanwhile. */
    @Transactional
    public Conversation snooze(Actor actor, UUID conversationId, Instant until) {
        InboxPermissions.requireInboxWorker(actor);
        conversations.get(actor.workspaceId(), conversationId);
        if (!until.isAfter(clock.instant())) {
            throw new RuleViolationException("conversation.snooze.past", "Snooze until a time in the future");
        }
        if (lifecycle.changeStatus(actor, conversationId, ConversationStatus.SNOOZED, until)) {
            events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.STATUS));
        }
        return conversations.get(actor.workspaceId(), conversationId);
    }

    /** Lower case, trimmed, without duplicates; refuses more than 20 labels or one longer than 32 characters. */
    static List<String> normalise(List<String> labels) {
        var result = new LinkedHashSet<String>();
        for (var label : labels) {
            var clean = label.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > MAX_LABEL_LENGTH) {
                throw new RuleViolationException("conversation.label.long", "A label is at most " + MAX_LABEL_LENGTH + " characters");
            }
            result.add(clean);
        }
        if (result.size() > MAX_LABELS) {
            throw new RuleViolationException("conversation.label.many", "A conversation has at most " + MAX_LABELS + " labels");
        }
        return List.copyOf(result);
    }

    private static String toArray(List<String> labels) {
        var quoted = labels.stream().map(l -> "\"" + l.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList();
        return "{" + String.join(",", quoted) + "}";
    }
}
