package io.beseda.workspace.security;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.beseda.workspace.Actor;
import io.beseda.workspace.ActorPrincipal;
import io.beseda.workspace.Role;
import io.beseda.workspace.User;
import io.beseda.workspace.WorkspaceId;

/** The signed-in person as kept in the console session. */
record ConsoleUser(UUID userId, UUID workspaceId, String email, String displayName, Role role)
        implements AuthenticatedPrincipal, ActorPrincipal, Serializable {

    static ConsoleUser of(User user) {
        return new ConsoleUser(user.id().value(), user.workspaceId().value(), user.email(), user.displayName(),
                user.role());
    }

    @Override
    public Actor actor() {
        return new Actor(new WorkspaceId(workspaceId), Actor.Kind.USER, userId, displayName, role);
    }

    List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getName() {
        return email;
    }
}
