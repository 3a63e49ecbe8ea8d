package io.beseda.journey.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.consent.DecisionReason;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Step;
import io.beseda.workspace.WorkspaceId;

/**
 * What journeys did, read from the runs, the step executions and the messages they queued: the list's live counts,
 * per-step figures of one version and A/B results. Read-only; every query is scoped by the workspace.
 */
@Component
class JourneyStats {

    /** Denials are failures whose reason is the send policy's (the rest are the providers'). */
    private static final String[] CONSENT_REASONS = Arrays.stream(DecisionReason.values())
            .filter(r -> r != DecisionReason.ALLOWED).map(Enum::name).toArray(String[]::new);

    record Counts(long inside, long entered, long converted, BigDecimal revenue) {
        static final Counts NONE = new Counts(0, 0, 0, BigDecimal.ZERO);
    }

    record StepFigures(String stepId, String name, String kind, long entered, long sent, long deferred, long denied,
                       Map<String, Long> deniedBy, long delivered, long read, long clicked, long converted, BigDecimal revenue) {
    }

    record VariantFigures(String name, boolean control, long entered, long converted, BigDecimal revenue,
                          @Nullable Uplift uplift) {
        public double rate() {
            return entered == 0 ? 0 : (double) converted / entered;
        }
    }

    record SplitFigures(String stepId, String name, List<VariantFigures> variants) {
    }

    record VersionFigures(long entered, long inside, long converted, BigDecimal revenue, List<StepFigures> steps,
                          List<SplitFigures> splits) {
    }

    private final JdbcClient jdbc;

    JourneyStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per journey: customers inside now, and entered, converted and revenue since {@code since}. */
    Map<UUID, Counts> counts(WorkspaceId workspace, Instant since) {
        var at = Timestamp.from(since);
        var counts = new HashMap<UUID, Counts>();
        jdbc.sql("""
                select journey_id, count(*) filter (where status = 'ACTIVE') as inside,
                       count(*) filter (where entered_at >= ?) as entered,
                       count(*) filter (where converted_at >= ?) as converted,
                       coalesce(sum(revenue) filter (where converted_at >= ?), 0) as revenue
                from journey_run where workspace_id = ? group by journey_id""")
                .params(at, at, at, workspace.value())
                .query((row, n) -> counts.put(row.getObject("journey_id", UUID.class), new Counts(row.getLong("inside"),
                        row.getLong("entered"), row.getLong("converted"), row.getBigDecimal("revenue")))).list();
        return counts;
    }

    VersionFigures of(WorkspaceId workspace, UUID journey, int version, JourneyDefinition definition) {
        var totals = jdbc.sql("""
                select count(*) as entered, count(*) filter (where status = 'ACTIVE') as inside,
                       count(*) filter (where converted_at is not null) as converted, coalesce(sum(revenue), 0) as revenue
                from journey_run where workspace_id = ? and journey_id = ? and version = ?""")
                .params(workspace.value(), journey, version)
                .query((row, n) -> new Counts(row.getLong("inside"), row.getLong("entered"), row.getLong("converted"),
                        row.getBigDecimal("revenue"))).single();
        return new VersionFigures(totals.entered(), totals.inside(), totals.converted(), totals.revenue(),
                steps(workspace, journey, version, definition), splits(workspace, journey, version, definition));
    }

    /** A step writes several executions for one message (queued, then its outcome): messages are counted once each. */
    private List<StepFigures> steps(WorkspaceId workspace, UUID journey, int version, JourneyDefinition definition) {
        var messages = new HashMap<String, long[]>();
        jdbc.sql("""
                with executed as (
                    select e.step_id, e.run_id, m.id as message_id, m.status,
                           m.id is not null and exists (select 1 from send_decision d where d.workspace_id = e.workspace_id
                                and d.customer_id = m.customer_id and d.message_ref = m.id::text and d.outcome = 'DEFER'
                                and not d.dry_run) as deferred
                    from journey_step_execution e
                    left join outbound_message m on m.id = e.message_id and m.workspace_id = e.workspace_id
                    where e.workspace_id = ? and e.journey_id = ? and e.version = ?)
                select step_id, count(distinct run_id) as entered,
                       count(distinct message_id) filter (where status in ('SENT', 'DELIVERED', 'READ')) as sent,
                       count(distinct message_id) filter (where deferred) as deferred,
                       count(distinct message_id) filter (where status in ('DELIVERED', 'READ')) as delivered,
                       count(distinct message_id) filter (where status = 'READ') as read
                from executed group by step_id""")
                .params(workspace.value(), journey, version)
                .query((row, n) -> messages.put(row.getString("step_id"), new long[] {row.getLong("entered"), row.getLong("sent"),
                        row.getLong("deferred"), row.getLong("delivered"), row.getLong("read")})).list();
        var denied = new HashMap<String, Map<String, Long>>();
        jdbc.sql("""
                select e.step_id, m.failure_reason, count(distinct m.id) as messages
                from journey_step_execution e join outbound_message m on m.id = e.message_id and m.workspace_id = e.workspace_id
                where e.workspace_id = ? and e.journey_id = ? and e.version = ? and m.status = 'FAILED'
                  and m.failure_reason = any (?)
                group by e.step_id, m.failure_reason""")
                .params(workspace.value(), journey, version, CONSENT_REASONS)
                .query((row, n) -> denied.computeIfAbsent(row.getString("step_id"), s -> new TreeMap<>())
                        .put(row.getString("failure_reason"), row.getLong("messages"))).list();
        var clicks = clicks(workspace, journey, version);
        var converted = new HashMap<String, Counts>();
        jdbc.sql("""
                select converted_step, count(*) as converted, coalesce(sum(revenue), 0) as revenue from journey_run
                where workspace_id = ? and journey_id = ? and version = ? and converted_at is not null and converted_step is not null
                group by converted_step""")
                .params(workspace.value(), journey, version)
                .query((row, n) -> converted.put(row.getString("converted_step"),
                        new Counts(0, 0, row.getLong("converted"), row.getBigDecimal("revenue")))).list();
        return definition.steps().stream().map(step -> {
            var m = messages.getOrDefault(step.id(), new long[5]);
            var by = denied.getOrDefault(step.id(), Map.of());
            var conversions = converted.getOrDefault(step.id(), Counts.NONE);
            return new StepFigures(step.id(), step.name(), kind(step), m[0], m[1], m[2],
                    by.values().stream().mapToLong(Long::longValue).sum(), by, m[3], m[4], clicks.getOrDefault(step.id(), 0L),
                    conversions.converted(), conversions.revenue());
        }).toList();
    }

    /** Runs that followed a cart link of the step at least once (a customer coming back twice counts once). */
    private Map<String, Long> clicks(WorkspaceId workspace, UUID journey, int version) {
        var clicks = new HashMap<String, Long>();
        jdbc.sql("""
                select c.step_id, count(distinct c.run_id) as clicked from journey_click c
                join journey_run r on r.id = c.run_id and r.workspace_id = c.workspace_id
                where c.workspace_id = ? and r.journey_id = ? and r.version = ? group by c.step_id""")
                .params(workspace.value(), journey, version)
                .query((row, n) -> clicks.put(row.getString("step_id"), row.getLong("clicked"))).list();
        return clicks;
    }

    private List<SplitFigures> splits(WorkspaceId workspace, UUID journey, int version, JourneyDefinition definition) {
        var byVariant = new LinkedHashMap<String, Counts>();
        // Every split a run passed is one execution (its arm in the detail), so a journey with two splits counts both.
        jdbc.sql("""
                select e.step_id || ':' || e.detail as variant, count(*) as entered,
                       count(*) filter (where r.converted_at is not null) as converted, coalesce(sum(r.revenue), 0) as revenue
                from journey_step_execution e join journey_run r on r.id = e.run_id
                where e.workspace_id = ? and e.journey_id = ? and e.version = ? and e.kind = 'split'
                group by e.step_id, e.detail""")
                .params(workspace.value(), journey, version)
                .query((row, n) -> byVariant.put(row.getString("variant"), new Counts(0, row.getLong("entered"),
                        row.getLong("converted"), row.getBigDecimal("revenue")))).list();
        return definition.steps().stream().filter(s -> s instanceof Step.Split).map(s -> (Step.Split) s)
                .map(split -> split(split, byVariant)).toList();
    }

    static SplitFigures split(Step.Split split, Map<String, Counts> byVariant) {
        var variants = split.variants();
        var baseline = variants.stream().filter(v -> v.control()).findFirst().orElse(variants.isEmpty() ? null : variants.getFirst());
        var base = baseline == null ? Counts.NONE : byVariant.getOrDefault(split.id() + ":" + baseline.name(), Counts.NONE);
        var figures = variants.stream().map(v -> {
            var counts = byVariant.getOrDefault(split.id() + ":" + v.name(), Counts.NONE);
            var uplift = v == baseline ? null : Uplift.of(base.entered(), base.converted(), counts.entered(), counts.converted());
            return new VariantFigures(v.name(), v == baseline, counts.entered(), counts.converted(), counts.revenue(), uplift);
        }).toList();
        return new SplitFigures(split.id(), split.name(), figures);
    }

    static String kind(Step step) {
        return switch (step) {
            case Step.Send s -> "send";
            case Step.Delay s -> "delay";
            case Step.WaitUntilTime s -> "wait_until_time";
            case Step.WaitForEvent s -> "wait_for_event";
            case Step.Branch s -> "branch";
            case Step.Split s -> "split";
            case Step.SetAttribute s -> "set_attribute";
            case Step.IssueCoupon s -> "coupon";
            case Step.CallWebhook s -> "webhook";
            case Step.Exit s -> "exit";
        };
    }
}
