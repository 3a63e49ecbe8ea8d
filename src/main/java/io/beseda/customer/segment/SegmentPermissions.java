package io.beseda.customer.segment;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

/** Everyone in the workspace may look at segments; owners, admins and marketers (and API keys) shape them. */
final class SegmentPermissions {

    private static final Set<Role> EDITORS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.MARKETER);

    private SegmentPermissions() {
    }

    static boolean canEdit(Actor actor) {
        return EDITORS.contains(actor.role());
    }

    static void requireEditor(Actor actor) {
        if (!canEdit(actor)) {
            throw new AccessDeniedException("Only owners, admins and marketers change segments");
        }
    }
}
