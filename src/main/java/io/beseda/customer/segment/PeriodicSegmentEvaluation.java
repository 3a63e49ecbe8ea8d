package io.beseda.customer.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.workspace.WorkspaceId;

/**
 * Rules that depend on time ("no order in 90 days", "cart older than an hour") change their answer
 * without any event, so every workspace's segments are recomputed in full every
 * {@code beseda.segments.evaluation-interval} (15 minutes by default). Each workspace's pass runs in
 * one transaction under a PostgreSQL advisory lock: with several nodes, one of them does it.
 */
@Component
class PeriodicSegmentEvaluation {

    private static final Logger log = LoggerFactory.getLogger(PeriodicSegmentEvaluation.class);

    private final SegmentStore store;
    private final SegmentEvaluator evaluator;
    private final TransactionTemplate transactions;

    PeriodicSegmentEvaluation(SegmentStore store, SegmentEvaluator evaluator, TransactionTemplate transactions) {
        this.store = store;
        this.evaluator = evaluator;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${beseda.segments.evaluation-interval:15m}",
            initialDelayString = "${beseda.segments.evaluation-interval:15m}")
    void run() {
        for (var workspace : store.workspacesWithSegments()) {
            try {
                pass(workspace);
            } catch (RuntimeException e) {
                // One workspace's failure must not keep the others' segments stale.
                log.error("Periodic segment evaluation failed for workspace {}", workspace, e);
            }
        }
    }

    /** Recomputes the workspace's segments unless another node is doing it right now; says whether it ran. */
    boolean pass(WorkspaceId workspace) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.tryLockPass(workspace)) {
                return false;
            }
            evaluator.evaluateAll(workspace);
            return true;
        }));
    }
}
