/** The demo workspace's copies of the shipped journeys, with minutes where the real ones wait hours. */
@NullMarked
package io.beseda.journey.demo;

import org.jspecify.annotations.NullMarked;
