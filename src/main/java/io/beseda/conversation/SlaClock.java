package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;

/**
 * Starts and stops the customer's wait. The answer is due after the team's target (first or next
 * response; 30 minutes without a team) counted in the inbox's business hours only.
 */
@Component
class SlaClock {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaClock(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The customer wrote while the shop had spoken last (or never): their wait starts now. */
    void startWaiting(WorkspaceId workspace, UUID conversation, Inbox inbox, Instant since) {
        int minutes = jdbc.sql("""
                select case when c.first_replied_at is null then coalesce(t.first_response_minutes, ?)
                            else coalesce(t.next_response_minutes, ?) end
                from conversation c left join team t on t.id = c.team_id where c.workspace_id = ? and c.id = ?""")
                .params(Team.DEFAULT_RESPONSE_MINUTES, Team.DEFAULT_RESPONSE_MINUTES, workspace.value(), conversation)
                .query(Integer.class).single();
        var due = inbox.businessHours().plusOpenTime(since, Duration.ofMinutes(minutes), inbox.timeZone());
        var started = jdbc.sql("""
                update conversation set waiting_since = ?, response_due_at = ?, sla_breached_at = null
                where workspace_id = ? and id = ? and waiting_since is null""")
                .params(Timestamp.from(since), Timestamp.from(due), workspace.value(), conversation).update();
        if (started == 1) {
            events.publishEvent(new ConversationChanged(workspace, conversation, ConversationChanged.Change.SLA));
        }
    }

    /** An operator answered: the wait ends, and the first answer is remembered. */
    void answered(WorkspaceId workspace, UUID conversation) {
        jdbc.sql("update conversation set first_replied_at = coalesce(first_replied_at, ?) where workspace_id = ? and id = ?")
                .params(Timestamp.from(clock.instant()), workspace.value(), conversation).update();
        stop(workspace, conversation);
    }

    /** Nobody owes the customer an answer any more (answered, resolved, snoozed). */
    void stop(WorkspaceId workspace, UUID conversation) {
        var stopped = jdbc.sql("""
                update conversation set waiting_since = null, response_due_at = null, sla_breached_at = null
                where workspace_id = ? and id = ? and waiting_since is not null""")
                .params(workspace.value(), conversation).update();
        if (stopped == 1) {
            events.publishEvent(new ConversationChanged(workspace, conversation, ConversationChanged.Change.SLA));
        }
    }
}
