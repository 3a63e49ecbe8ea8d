/** The Spring-free journey engine: moves one customer's run through a definition, step by step, until it waits or ends. */
@NullMarked
package io.beseda.journey.engine;

import org.jspecify.annotations.NullMarked;
