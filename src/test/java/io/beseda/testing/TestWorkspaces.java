package io.beseda.testing;

import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.User;
import io.beseda.workspace.Users;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;
import io.beseda.workspace.apikey.ApiKeys;

/** Makes a fresh workspace with an owner and an API key, so each test works in its own tenant. */
@Component
public class TestWorkspaces {

    public static final String PASSWORD = "correct horse battery";

    private final Workspaces workspaces;
    private final Users users;
    private final ApiKeys keys;

    TestWorkspaces(Workspaces workspaces, Users users, ApiKeys keys) {
        this.workspaces = workspaces;
        this.users = users;
        this.keys = keys;
    }

    public Tenant create(String name) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var workspace = workspaces.create("t-" + unique, name, ZoneId.of("Asia/Yekaterinburg"));
        var system = Actor.system(workspace.id(), "test");
        var owner = users.add(workspace.id(),
                new NewUser("owner-" + unique + "@shop.example", "Владелец " + name, Role.OWNER, PASSWORD), system);
        var key = keys.issue(workspace.id(), "test key", "test").secret();
        return new Tenant(workspace, owner, key, unique);
    }

    public User addUser(Tenant tenant, Role role) {
        var email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        return users.add(tenant.workspace().id(), new NewUser(email, "Сотрудник " + role, role, PASSWORD),
                Actor.system(tenant.workspace().id(), "test"));
    }

    /** A workspace made for one test: its owner signs in with {@link #PASSWORD}; {@code apiKey} is live. */
    public record Tenant(Workspace workspace, User owner, String apiKey, String unique) {
    }
}
