package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/** Reopens snoozed conversations whose time has come (back to the queue, their operator first). */
@Component
class SnoozeWakeUp {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConversationLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SnoozeWakeUp(JdbcClient jdbc, TransactionTemplate transactions, ConversationLifecycle lifecycle,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.events = events;
        this.clock = clock;
    }

    /** Wakes up to a batch of snoozed conversations; returns how many. */
    int pass() {
        var woken = transactions.execute(status -> jdbc.sql("""
                select id, workspace_id from conversation where status = 'SNOOZED' and snoozed_until <= ?
                order by snoozed_until limit 200 for update skip locked""")
                .param(Timestamp.from(clock.instant()))
                .query((row, n) -> {
                    var workspace = new WorkspaceId(row.getObject(2, UUID.class));
                    var id = row.getObject(1, UUID.class);
                    if (lifecycle.changeStatus(Actor.system(workspace, "snooze"), id, ConversationStatus.OPEN, null)) {
                        events.publishEvent(new ConversationChanged(workspace, id, ConversationChanged.Change.STATUS));
                    }
                    return id;
                }).list().size());
        return woken == null ? 0 : woken;
    }
}
