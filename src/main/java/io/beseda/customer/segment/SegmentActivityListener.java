package io.beseda.customer.segment;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerActivityRecorded;
import io.beseda.customer.CustomersMerged;

/**
 * Keeps memberships current as customers act. Both handlers only recompute from what is stored, so
 * hearing an event twice changes nothing the second time.
 */
@Component
class SegmentActivityListener {

    private final SegmentEvaluator evaluator;

    SegmentActivityListener(SegmentEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @ApplicationModuleListener
    void on(CustomerActivityRecorded activity) {
        evaluator.reevaluate(activity.workspaceId(), activity.customers());
    }

    /** The survivor now carries the merged profile's history; the merged profile leaves everything. */
    @ApplicationModuleListener
    void on(CustomersMerged merge) {
        evaluator.reevaluate(merge.workspaceId(), List.of(merge.survivor(), merge.merged()));
    }
}
