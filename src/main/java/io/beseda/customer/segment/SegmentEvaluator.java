package io.beseda.customer.segment;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.segment.rule.AttributeType;
import io.beseda.customer.segment.rule.InvalidRuleException;
import io.beseda.customer.segment.rule.Rule;
import io.beseda.customer.segment.rule.RuleCompiler;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.workspace.WorkspaceId;

/**
 * Decides when which memberships are recomputed: all of a workspace's segments for a few customers
 * (after their activity or a merge), every segment for everyone (the periodic pass), or one segment for
 * everyone (when it is created or its rule changes).
 */
@Component
class SegmentEvaluator {

    private static final Logger log = LoggerFactory.getLogger(SegmentEvaluator.class);

    private final SegmentStore store;
    private final WorkspaceRules rules;
    private final Membership membership;
    private final JdbcClient jdbc;
    private final Clock clock;

    SegmentEvaluator(SegmentStore store, WorkspaceRules rules, Membership membership, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.membership = membership;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Re-checks every segment of the workspace for these customers, and the profiles they were merged into. */
    @Transactional
    void reevaluate(WorkspaceId workspace, Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return;
        }
        store.ensureBuiltIns(workspace, clock.instant());
        var affected = withSurvivors(workspace, customers);
        var attributes = rules.attributes(workspace);
        for (var segment : store.rules(workspace)) {
            sync(workspace, segment, attributes, affected);
        }
    }

    /** Recomputes every segment of the workspace for all its customers. */
    @Transactional
    void evaluateAll(WorkspaceId workspace) {
        store.ensureBuiltIns(workspace, clock.instant());
        var attributes = rules.attributes(workspace);
        for (var segment : store.rules(workspace)) {
            sync(workspace, segment, attributes, null);
        }
    }

    /** Recomputes one segment for all the workspace's customers, by the rule given. */
    @Transactional
    void evaluate(WorkspaceId workspace, SegmentRule segment) {
        sync(workspace, segment, rules.attributes(workspace), null);
    }

    private void sync(WorkspaceId workspace, SegmentRule segment, Map<String, AttributeType> attributes,
                      @Nullable Collection<CustomerId> only) {
        var rule = read(workspace, segment, attributes);
        if (rule.isEmpty() || !store.holdForEvaluation(workspace, segment.id())) {
            return;
        }
        var now = clock.instant();
        var id = segment.id();
        membership.sync(workspace, id, RuleCompiler.compile(rule.get(), now), only, now);
        if (only == null) {
            store.markEvaluated(workspace, id, now);
        }
    }

    /**
     * The segment's rule, or nothing when it no longer fits the workspace (an attribute it uses was removed
     * or changed type): its membership is then left as it is rather than emptied by a rule nobody wrote.
     */
    private Optional<Rule> read(WorkspaceId workspace, SegmentRule segment, Map<String, AttributeType> attributes) {
        try {
            return Optional.of(RuleParser.parse(segment.rule(), attributes));
        } catch (InvalidRuleException e) {
            log.warn("Segment {} of workspace {} is not evaluated: {}", segment.id(), workspace, e.getMessage());
            return Optional.empty();
        }
    }

    private Collection<CustomerId> withSurvivors(WorkspaceId workspace, Collection<CustomerId> customers) {
        var ids = customers.stream().map(CustomerId::value).toArray(UUID[]::new);
        var all = new LinkedHashSet<>(customers);
        all.addAll(jdbc.sql("select merged_into from customer where workspace_id = ? and id = any(?) and merged_into is not null")
                .params(workspace.value(), ids)
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).list());
        return all;
    }
}
