package io.beseda.workspace;

import java.util.UUID;

/**
 * Who is acting, in which workspace: a signed-in person or an API key. Controllers take it as a
 * parameter; every query they run is scoped by {@link #workspaceId()}.
 *
 * @param workspaceId the workspace everything this actor does is confined to
 * @param kind        a person or a key
 * @param id          the user's or the key's id
 * @param name        a display name for audit trails
 * @param role        what the actor may do; API keys act as admins
 */
public record Actor(WorkspaceId workspaceId, Kind kind, UUID id, String name, Role role) {

    public enum Kind { USER, API_KEY, SYSTEM }

    /** Beseda itself, for what it does on its own: seeding the demo, operational commands. */
    public static Actor system(WorkspaceId workspace, String what) {
        return new Actor(workspace, Kind.SYSTEM, new UUID(0, 0), what, Role.OWNER);
    }

    public boolean isUser(UserId user) {
        return kind == Kind.USER && id.equals(user.value());
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
