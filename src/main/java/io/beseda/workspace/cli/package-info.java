/** Operational commands that {@code ./beseda} runs against the configured database, then exits. */
@NullMarked
package io.beseda.workspace.cli;

import org.jspecify.annotations.NullMarked;
