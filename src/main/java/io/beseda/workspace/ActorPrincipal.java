package io.beseda.workspace;

/** A security principal that acts in a workspace: a console session's user or an API key. */
public interface ActorPrincipal {

    Actor actor();
}
