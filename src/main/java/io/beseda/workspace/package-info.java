/**
 * Workspaces (one per shop), the people who sign in to the console and their roles, and the API keys
 * that scripts use. Every other module scopes its data by {@link io.beseda.workspace.WorkspaceId} and
 * learns who acts from {@link io.beseda.workspace.Actor}.
 */
@NullMarked
package io.beseda.workspace;

import org.jspecify.annotations.NullMarked;
