package io.beseda.console;

import java.util.Set;

import io.beseda.workspace.Role;

/**
 * An entry of the console's main navigation.
 *
 * @param key   message key of its label
 * @param path  where it leads
 * @param roles who sees it
 */
public record ConsoleSection(String key, String path, Set<Role> roles) {

    public boolean visibleTo(Role role) {
        return roles.contains(role);
    }
}
