package io.beseda.conversation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Moves a team's queue after the change that may free it has committed. */
@Component
class AssignmentListener {

    private final AssignmentQueue queue;

    AssignmentListener(AssignmentQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(AssignmentNeeded needed) {
        queue.handOut(needed.workspaceId(), needed.teamId());
    }
}
