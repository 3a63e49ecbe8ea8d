package io.beseda.workspace.apikey;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.WorkspaceId;

/** An API key as the console and the API show it: never the secret, only its first characters. */
public record ApiKey(ApiKeyId id, WorkspaceId workspaceId, String name, String prefix, String createdBy,
                     Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
