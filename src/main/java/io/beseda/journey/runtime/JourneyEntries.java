package io.beseda.journey.runtime;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Trigger;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;

/**
 * Lets customers into journeys by the journey's entry rule (once, once per period, every time) and starts
 * their run at once. A customer is never inside one journey twice under the same entry: the run's unique key
 * makes a redelivered trigger a no-op.
 */
@Service
public class JourneyEntries {

    /** A launched journey that takes customers now; events from before {@code launchedAt} do not start it. */
    record Open(UUID id, int version, JourneyDefinition definition, java.time.Instant launchedAt) {
    }

    private final JdbcClient jdbc;
    private final Runs runs;
    private final Runner runner;
    private final Definitions definitions;
    private final Customers customers;
    private final Clock clock;

    JourneyEntries(JdbcClient jdbc, Runs runs, Runner runner, Definitions definitions, Customers customers, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.runner = runner;
        this.definitions = definitions;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * The shop's own system enters the customer (a journey with the API trigger).
     *
     * @param facts what the journey's conditions and templates may use ({@code event.<key>}); {@code key} makes an
     *              every-time entry unique (a repeated key while inside is ignored)
     * @return the run, or empty when the entry rule keeps the customer out
     */
    @Transactional
    public Optional<UUID> enterByApi(WorkspaceId workspace, UUID journeyId, CustomerId customer, Map<String, String> facts) {
        var journey = open(workspace).stream().filter(j -> j.id().equals(journeyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Active journey", journeyId));
        if (!(journey.definition().trigger() instanceof Trigger.ApiCall)) {
            throw new IllegalArgumentException("Этот путь запускается не через API, а своим триггером.");
        }
        customers.get(workspace, customer);
        return enter(workspace, journey, customer, facts.getOrDefault("key", UUID.randomUUID().toString()), facts);
    }

    /** Launched, active journeys of the workspace. */
    java.util.List<Open> open(WorkspaceId workspace) {
        return jdbc.sql("""
                        select j.id, j.live_version, v.launched_at from journey j
                        join journey_version v on v.journey_id = j.id and v.version = j.live_version
                        where j.workspace_id = ? and j.status = 'ACTIVE'""")
                .param(workspace.value())
                .query((row, n) -> new Object[] {row.getObject(1, UUID.class), row.getInt(2), row.getTimestamp(3).toInstant()}).list().stream()
                .map(r -> {
                    var definition = definitions.version((UUID) r[0], (int) r[1]);
                    return definition == null ? null : new Open((UUID) r[0], (int) r[1], definition, (java.time.Instant) r[2]);
                })
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A launched, active journey and the workspace it belongs to. */
    record OpenIn(WorkspaceId workspace, Open journey) {
    }

    /** The journey if it is launched and active now, with its workspace: one read by id (a timer knows only the id). */
    Optional<OpenIn> open(UUID journeyId) {
        return jdbc.sql("""
                        select j.workspace_id, j.live_version, v.launched_at from journey j
                        join journey_version v on v.journey_id = j.id and v.version = j.live_version
                        where j.id = ? and j.status = 'ACTIVE'""")
                .param(journeyId)
                .query((row, n) -> new Object[] {new WorkspaceId(row.getObject(1, UUID.class)), row.getInt(2), row.getTimestamp(3).toInstant()})
                .optional()
                .flatMap(r -> {
                    var definition = definitions.version(journeyId, (int) r[1]);
                    return definition == null ? Optional.<OpenIn>empty()
                            : Optional.of(new OpenIn((WorkspaceId) r[0], new Open(journeyId, (int) r[1], definition, (java.time.Instant) r[2])));
                });
    }

    /** Enters within the caller's transaction; {@code everyTimeKey} names this entry when the rule is "every time". */
    Optional<UUID> enter(WorkspaceId workspace, Open journey, CustomerId customer, String everyTimeKey, Map<String, String> facts) {
        var now = clock.instant();
        // One entry decision at a time per journey and customer, so "once" holds under concurrent triggers.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(journey.id() + "|" + customer.value())
                .query((row, n) -> 1).list();
        var rule = journey.definition().entry();
        var last = runs.lastEntered(workspace, journey.id(), customer);
        if (rule.kind() == EntryRule.Kind.ONCE && last.isPresent()) {
            return Optional.empty();
        }
        if (rule.kind() == EntryRule.Kind.ONCE_PER_PERIOD && last.isPresent() && last.get().plus(rule.period()).isAfter(now)) {
            return Optional.empty();
        }
        var entryKey = rule.kind() == EntryRule.Kind.EVERY_TIME ? everyTimeKey : "";
        // "every time" is every occurrence of the trigger: the same order status reported twice is one occurrence
        if (rule.kind() == EntryRule.Kind.EVERY_TIME && runs.entered(workspace, journey.id(), customer, entryKey)) {
            return Optional.empty();
        }
        var run = runs.insert(workspace, journey.id(), journey.version(), customer, entryKey, Runner.fresh(facts), now);
        run.ifPresent(runner::start);
        return run.map(io.beseda.journey.engine.RunRef::id);
    }
}
