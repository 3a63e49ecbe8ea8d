package io.beseda.customer.segment;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.SegmentId;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

/**
 * Creates, changes and deletes a workspace's own segments. A new or changed rule is validated first
 * ({@link io.beseda.customer.segment.rule.InvalidRuleException}) and the membership is recomputed in the
 * same transaction, so the answer already shows who is in the segment.
 */
@Service
class SegmentEditor {

    private final SegmentStore store;
    private final WorkspaceRules rules;
    private final SegmentEvaluator evaluator;
    private final RuleMatcher matcher;
    private final Clock clock;

    SegmentEditor(SegmentStore store, WorkspaceRules rules, SegmentEvaluator evaluator, RuleMatcher matcher,
                  Clock clock) {
        this.store = store;
        this.rules = rules;
        this.evaluator = evaluator;
        this.matcher = matcher;
        this.clock = clock;
    }

    @Transactional
    StoredSegment create(WorkspaceId workspace, String name, JsonNode rule) {
        store.ensureBuiltIns(workspace, clock.instant());
        rules.parse(workspace, rule);
        var trimmed = name.strip();
        requireFreeName(workspace, trimmed, null);
        SegmentId id;
        try {
            id = store.insert(workspace, trimmed, rule.toString(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        evaluator.evaluate(workspace, new SegmentRule(id, rule.toString()));
        return store.get(workspace, id);
    }

    @Transactional
    StoredSegment update(WorkspaceId workspace, SegmentId id, String name, JsonNode rule) {
        requireOwn(store.get(workspace, id));
        rules.parse(workspace, rule);
        var trimmed = name.strip();
        requireFreeName(workspace, trimmed, id);
        // Members first, then the segment's row: the order a periodic pass takes them in, so the two never deadlock.
        evaluator.evaluate(workspace, new SegmentRule(id, rule.toString()));
        try {
            store.update(workspace, id, trimmed, rule.toString());
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return store.get(workspace, id);
    }

    /** Deletes the segment and its membership; nobody "leaves" it, it simply stops existing. */
    @Transactional
    StoredSegment delete(WorkspaceId workspace, SegmentId id) {
        var segment = requireOwn(store.get(workspace, id));
        store.delete(workspace, id);
        return segment;
    }

    /** Recomputes the segment now rather than at the next periodic pass. */
    @Transactional
    StoredSegment evaluateNow(WorkspaceId workspace, SegmentId id) {
        evaluator.evaluate(workspace, SegmentRule.of(store.get(workspace, id)));
        return store.get(workspace, id);
    }

    /** How many customers a rule would hold now, and the first of them; nothing is stored. */
    @Transactional(readOnly = true)
    Preview preview(WorkspaceId workspace, JsonNode rule, int sampleSize) {
        var parsed = rules.parse(workspace, rule);
        var now = clock.instant();
        return new Preview(matcher.count(workspace, parsed, now), matcher.sample(workspace, parsed, now, sampleSize));
    }

    record Preview(long count, List<Member> sample) {
    }

    private static StoredSegment requireOwn(StoredSegment segment) {
        if (segment.segment().builtIn()) {
            throw new RuleViolationException("segment.built-in",
                    "Built-in segments cannot be changed or deleted; create your own segment instead.");
        }
        return segment;
    }

    private void requireFreeName(WorkspaceId workspace, String name, @Nullable SegmentId except) {
        if (store.nameTaken(workspace, name, except)) {
            throw nameTaken();
        }
    }

    private static RuleViolationException nameTaken() {
        return new RuleViolationException("segment.name.taken", "Another segment of this workspace already has this name.");
    }
}
