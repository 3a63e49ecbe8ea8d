/** The console's journey pages and the journeys API. */
@NullMarked
package io.beseda.journey.web;

import org.jspecify.annotations.NullMarked;
