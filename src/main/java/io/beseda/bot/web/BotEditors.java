package io.beseda.bot.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;

import io.beseda.shared.Problems;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

/**
 * Who may change what the bot says and knows: the people who configure the shop (owners, admins, marketers, as
 * for the catalogue); API keys act as admins. Everyone signed in may read it.
 */
final class BotEditors {

    static final Set<Role> MAY_CONFIGURE = EnumSet.of(Role.OWNER, Role.ADMIN, Role.MARKETER);

    private BotEditors() {
    }

    static boolean mayConfigure(Actor actor) {
        return MAY_CONFIGURE.contains(actor.role());
    }

    /** For the API: a problem answered 403 (an AccessDeniedException would reach the API's catch-all as a 500). */
    static void checkApi(Actor actor) {
        if (!mayConfigure(actor)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Only owners, admins and marketers configure the bot."), null);
        }
    }

    /** For the console: Spring Security answers 403. */
    static void checkConsole(Actor actor) {
        if (!mayConfigure(actor)) {
            throw new AccessDeniedException("Only owners, admins and marketers configure the bot");
        }
    }
}
