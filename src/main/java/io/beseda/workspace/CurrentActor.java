package io.beseda.workspace;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

/** The actor behind the current request, for code that is not handed one as a parameter. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }
}
