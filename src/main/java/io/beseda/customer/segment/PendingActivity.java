package io.beseda.customer.segment;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Customers whose memberships are due for a re-check, gathered as activity is published so that one
 * listener run re-checks everyone a burst of batches touched, instead of each batch paying for its own
 * pass over every segment. Losing this set (a node stopping) only delays changes until the periodic pass.
 */
@Component
class PendingActivity {

    private final ConcurrentHashMap<WorkspaceId, Set<CustomerId>> pending = new ConcurrentHashMap<>();

    void add(WorkspaceId workspace, List<CustomerId> customers) {
        pending.computeIfAbsent(workspace, w -> ConcurrentHashMap.newKeySet()).addAll(customers);
    }

    /** Takes everything pending for the workspace; a concurrent add lands in the next drain. */
    List<CustomerId> drain(WorkspaceId workspace) {
        var set = pending.remove(workspace);
        return set == null ? List.of() : List.copyOf(set);
    }
}
