package io.beseda.journey.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.journey.engine.Advance;
import io.beseda.journey.engine.Execution;
import io.beseda.journey.engine.RunRef;
import io.beseda.journey.engine.RunState;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/** Runs and what their steps did, in PostgreSQL. */
@Component
class Runs {

    /** @param journeyStatus the status of the run's journey (ACTIVE, PAUSED, ARCHIVED), read with the run */
    record Stored(RunRef ref, RunState state, String status, String journeyStatus) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    Runs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new active run, unless the customer is inside this journey under the same entry key already. */
    Optional<RunRef> insert(WorkspaceId workspace, UUID journey, int version, CustomerId customer, String entryKey,
                            RunState state, Instant now) {
        var id = UUID.randomUUID();
        var inserted = jdbc.sql("""
                insert into journey_run (id, workspace_id, journey_id, version, customer_id, entry_key, status, state, entered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?::jsonb, ?, ?)
                on conflict (journey_id, customer_id, entry_key) where status = 'ACTIVE' do nothing""")
                .params(id, workspace.value(), journey, version, customer.value(), entryKey, json.writeValueAsString(state),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return inserted == 1 ? Optional.of(new RunRef(id, workspace, journey, version, customer, now)) : Optional.empty();
    }

    /** The run, locked for this transaction, if it is still inside its journey; its journey's status in the same statement. */
    Optional<Stored> lockActive(UUID run) {
        return jdbc.sql("select r.*, j.status as journey_status from journey_run r join journey j on j.id = r.journey_id"
                        + " where r.id = ? and r.status = 'ACTIVE' for update of r").param(run)
                .query((row, n) -> new Stored(new RunRef(row.getObject("id", UUID.class), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                        row.getObject("journey_id", UUID.class), row.getInt("version"), new CustomerId(row.getObject("customer_id", UUID.class)),
                        row.getTimestamp("entered_at").toInstant()), json.readValue(row.getString("state"), RunState.class),
                        row.getString("status"), row.getString("journey_status")))
                .optional();
    }

    void save(RunRef run, Advance advance, Instant now) {
        var ended = advance.status() != Advance.Status.ACTIVE;
        jdbc.sql("""
                update journey_run set state = ?::jsonb, status = ?, waiting_message_id = ?, waiting_event = ?, wake_at = ?,
                    variant = coalesce(?, variant), ended_at = ?, end_reason = ?, updated_at = ?
                where id = ?""")
                .params(json.writeValueAsString(advance.state()), advance.status().name(), advance.waitingMessage(),
                        advance.waitingEvent(), advance.wakeAt() == null ? null : Timestamp.from(advance.wakeAt()),
                        advance.state().variant(), ended ? Timestamp.from(now) : null, advance.endReason(), Timestamp.from(now), run.id())
                .update();
        record(run, advance.executions());
    }

    void record(RunRef run, List<Execution> executions) {
        if (executions.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into journey_step_execution (run_id, step_key, workspace_id, journey_id, version, step_id, kind, outcome,
                    channel, message_id, detail, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                executions.stream().map(e -> new Object[] {run.id(), e.key(), run.workspace().value(), run.journeyId(), run.version(),
                        e.stepId(), e.kind(), e.outcome(), e.channel() == null ? null : e.channel().name(), e.messageId(),
                        e.detail().length() > 1000 ? e.detail().substring(0, 1000) : e.detail(), Timestamp.from(e.at())}).toList());
    }

    /** Ends the run from outside the engine (the goal reached, the journey archived). */
    void end(UUID run, String status, String reason, Instant now) {
        jdbc.sql("""
                update journey_run set status = ?, end_reason = ?, ended_at = ?, waiting_message_id = null, waiting_event = null,
                    wake_at = null, updated_at = ? where id = ? and status = 'ACTIVE'""")
                .params(status, reason, Timestamp.from(now), Timestamp.from(now), run).update();
    }

    List<UUID> waitingOn(UUID message) {
        return jdbc.sql("select id from journey_run where waiting_message_id = ? and status = 'ACTIVE'").param(message)
                .query(UUID.class).list();
    }

    /** Storefront event types that matter to the workspace's runs now: what some run waits for, and its journeys' goals. */
    record Awaited(java.util.Set<String> waitedFor, java.util.Set<String> goals) {
    }

    Awaited awaited(WorkspaceId workspace) {
        var waited = new java.util.HashSet<String>();
        var goals = new java.util.HashSet<String>();
        jdbc.sql("""
                select 'wait' as kind, waiting_event as type from journey_run
                where workspace_id = ? and waiting_event is not null and status = 'ACTIVE'
                union
                select 'goal', v.definition->'goal'->>'event' from journey_version v
                where v.workspace_id = ? and v.definition->'goal'->>'event' is not null""")
                .params(workspace.value(), workspace.value())
                .query((row, n) -> (row.getString("kind").equals("wait") ? waited : goals).add(row.getString("type"))).list();
        return new Awaited(waited, goals);
    }

    List<UUID> waitingFor(WorkspaceId workspace, CustomerId customer, String eventType) {
        return jdbc.sql("select id from journey_run where workspace_id = ? and customer_id = ? and waiting_event = ? and status = 'ACTIVE'")
                .params(workspace.value(), customer.value(), eventType).query(UUID.class).list();
    }

    /** Whether the customer ever entered this journey under this key (by workspace and customer first, as runs are indexed). */
    boolean entered(WorkspaceId workspace, UUID journey, CustomerId customer, String entryKey) {
        return jdbc.sql("select exists (select 1 from journey_run where workspace_id = ? and customer_id = ? and journey_id = ? and entry_key = ?)")
                .params(workspace.value(), customer.value(), journey, entryKey).query(Boolean.class).single();
    }

    /**
     * When the customer last entered this journey; empty if never. By workspace and customer first, which is
     * how runs are indexed: without the workspace the customer is not a usable index prefix, and the lookup
     * reads every run of the journey.
     */
    Optional<Instant> lastEntered(WorkspaceId workspace, UUID journey, CustomerId customer) {
        return jdbc.sql("select max(entered_at) from journey_run where workspace_id = ? and customer_id = ? and journey_id = ?")
                .params(workspace.value(), customer.value(), journey).query((row, n) -> row.getTimestamp(1)).optional()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant);
    }
}
