package io.beseda.workspace.web;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.Role;
import io.beseda.workspace.User;

/** A user as the API shows it. */
record UserView(UUID id, String email, String displayName, Role role, boolean enabled, Instant createdAt,
                @Nullable Instant lastLoginAt) {

    static UserView of(User user) {
        return new UserView(user.id().value(), user.email(), user.displayName(), user.role(), user.enabled(),
                user.createdAt(), user.lastLoginAt());
    }
}
