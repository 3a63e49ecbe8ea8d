package io.beseda.workspace;

/** What it takes to add a person to a workspace. The password is hashed before it is stored. */
public record NewUser(String email, String displayName, Role role, String password) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", role=" + role + "]";
    }
}
