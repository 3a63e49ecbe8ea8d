package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.workspace.WorkspaceId;

/**
 * Marks open conversations whose answer is overdue: {@code sla_breached_at} on the conversation, a row in
 * {@code sla_breach} for the reports, and a change event for the inbox. Batches are claimed with
 * {@code for update skip locked}, so nodes running the pass at once split the work; a breach is recorded
 * once per due time (unique key).
 */
@Component
class SlaMonitor {

    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaMonitor(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Marks what is overdue by this monitor's clock; returns how many breaches it recorded. */
    int pass() {
        int total = 0;
        int marked;
        do {
            marked = batch();
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    private int batch() {
        var now = Timestamp.from(clock.instant());
        var count = transactions.execute(status -> jdbc.sql("""
                select id, workspace_id, team_id, assignee_id, response_due_at, first_replied_at from conversation
                where response_due_at <= ? and sla_breached_at is null and status = 'OPEN'
                order by response_due_at limit ? for update skip locked""")
                .params(now, BATCH)
                .query((row, n) -> {
                    var id = row.getObject("id", UUID.class);
                    var workspace = new WorkspaceId(row.getObject("workspace_id", UUID.class));
                    jdbc.sql("""
                            insert into sla_breach (id, workspace_id, conversation_id, team_id, assignee_id, kind, due_at, breached_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id, due_at) do nothing""")
                            .params(UUID.randomUUID(), workspace.value(), id, row.getObject("team_id", UUID.class),
                                    row.getObject("assignee_id", UUID.class),
                                    row.getTimestamp("first_replied_at") == null ? "FIRST_RESPONSE" : "NEXT_RESPONSE",
                                    row.getTimestamp("response_due_at"), now).update();
                    jdbc.sql("update conversation set sla_breached_at = ? where id = ?").params(now, id).update();
                    events.publishEvent(new ConversationChanged(workspace, id, ConversationChanged.Change.SLA));
                    return id;
                }).list().size());
        return count == null ? 0 : count;
    }
}
