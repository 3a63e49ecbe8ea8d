/** The engine at work: runs in PostgreSQL, db-scheduler timers, the triggers and the goal, sends through the outbox. */
@NullMarked
package io.beseda.journey.runtime;

import org.jspecify.annotations.NullMarked;
