package io.beseda.customer;

import java.util.Optional;

import io.beseda.workspace.WorkspaceId;

/**
 * The storefront tracker's public tokens, for other modules' endpoints that shops' pages call beside the
 * tracker (web push subscriptions): a token names its workspace, and nothing else authorises such a call.
 */
public interface TrackerTokens {

    /** The workspace whose tracker has this token; empty for an unknown one. */
    Optional<WorkspaceId> workspaceOf(String token);
}
