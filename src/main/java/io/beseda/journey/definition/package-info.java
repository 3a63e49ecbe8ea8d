/** What a journey is made of: its trigger, steps, goal and entry rules, as the marketer edits and versions them. */
@NullMarked
package io.beseda.journey.definition;

import org.jspecify.annotations.NullMarked;
