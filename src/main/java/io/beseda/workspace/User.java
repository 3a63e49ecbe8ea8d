package io.beseda.workspace;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A person who signs in to a workspace's console. */
public record User(UserId id, WorkspaceId workspaceId, String email, String displayName, Role role,
                   boolean enabled, Instant createdAt, @Nullable Instant lastLoginAt) {
}
