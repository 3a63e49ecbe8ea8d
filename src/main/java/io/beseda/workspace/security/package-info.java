/**
 * Who may do what: console sign-in with a throttle on guessing, API keys for /api/v1, and the
 * {@link io.beseda.workspace.Actor} every controller is handed.
 */
@NullMarked
package io.beseda.workspace.security;

import org.jspecify.annotations.NullMarked;
