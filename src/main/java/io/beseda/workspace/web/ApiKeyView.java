package io.beseda.workspace.web;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.apikey.ApiKey;

/** An API key as the API shows it: its prefix, never its secret. */
record ApiKeyView(UUID id, String name, String prefix, boolean active, String createdBy, Instant createdAt,
                  @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id().value(), key.name(), key.prefix(), key.active(), key.createdBy(),
                key.createdAt(), key.lastUsedAt(), key.revokedAt());
    }
}
