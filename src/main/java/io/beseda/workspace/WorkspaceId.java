package io.beseda.workspace;

import java.util.UUID;

/** Identifies a workspace: the tenant every row belongs to. */
public record WorkspaceId(UUID value) {

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
