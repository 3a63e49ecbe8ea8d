package io.beseda.customer.segment;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerActivityRecorded;
import io.beseda.customer.CustomersMerged;
import io.beseda.shared.AfterCommit;

/**
 * Keeps memberships current as customers act. Both handlers only recompute from what is stored, so
 * hearing an event twice changes nothing the second time.
 */
@Component
class SegmentActivityListener {

    private final SegmentEvaluator evaluator;
    private final PendingActivity pending;

    SegmentActivityListener(SegmentEvaluator evaluator, PendingActivity pending) {
        this.evaluator = evaluator;
        this.pending = pending;
    }

    /**
     * Notes who acted once the activity is committed, so a busy queue of listener runs shares the work: the
     * first run re-checks everyone noted so far, later runs find nothing left. If a run fails, or the node
     * stops with customers still noted, the periodic pass catches them up.
     */
    @EventListener
    void noted(CustomerActivityRecorded activity) {
        AfterCommit.run(() -> pending.add(activity.workspaceId(), activity.customers()));
    }

    @ApplicationModuleListener
    void on(CustomerActivityRecorded activity) {
        var due = pending.drain(activity.workspaceId());
        if (!due.isEmpty()) {
            evaluator.reevaluate(activity.workspaceId(), due);
        }
    }

    /** The survivor now carries the merged profile's history; the merged profile leaves everything. */
    @ApplicationModuleListener
    void on(CustomersMerged merge) {
        evaluator.reevaluate(merge.workspaceId(), List.of(merge.survivor(), merge.merged()));
    }
}
