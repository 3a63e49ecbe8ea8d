package io.beseda.workspace.security;

import io.beseda.workspace.Actor;
import io.beseda.workspace.ActorPrincipal;

/** The principal of an API request: the key's actor. */
record ApiKeyPrincipal(Actor actor) implements ActorPrincipal {

    @Override
    public String toString() {
        return actor.toString();
    }
}
