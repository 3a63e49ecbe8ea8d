package io.beseda.conversation;

import org.springframework.security.access.AccessDeniedException;

import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

/** Owners and admins (and API keys, which act as admins) shape teams, inboxes, capacities and scripts. */
final class InboxPermissions {

    private InboxPermissions() {
    }

    static void requireManager(Actor actor) {
        if (!actor.role().managesWorkspace()) {
            throw new AccessDeniedException("Only owners and admins change inbox settings");
        }
    }

    static void requireInboxWorker(Actor actor) {
        if (actor.role() != Role.OPERATOR && !actor.role().managesWorkspace()) {
            throw new AccessDeniedException("Only operators, admins and owners work the inbox");
        }
    }
}
