package io.beseda.workspace;

/**
 * What a person may do in a workspace. Owners and admins manage people and keys; only an owner may
 * make or unmake another owner.
 */
public enum Role {
    OWNER, ADMIN, OPERATOR, MARKETER, ANALYST;

    public boolean managesWorkspace() {
        return this == OWNER || this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
