package io.beseda.journey.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

/**
 * Journeys are marketing's: owners, admins and marketers (and API keys, which act as admins) design and launch them;
 * analysts read them and their statistics; operators, who serve chats, do not see them.
 */
final class JourneyPermissions {

    static final Set<Role> READERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.MARKETER, Role.ANALYST);
    private static final Set<Role> EDITORS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.MARKETER);

    private JourneyPermissions() {
    }

    static boolean canEdit(Actor actor) {
        return EDITORS.contains(actor.role());
    }

    static void requireReader(Actor actor) {
        if (!READERS.contains(actor.role())) {
            throw new AccessDeniedException("Journeys are for owners, admins, marketers and analysts");
        }
    }

    static void requireEditor(Actor actor) {
        if (!canEdit(actor)) {
            throw new AccessDeniedException("Only owners, admins and marketers change journeys");
        }
    }
}
