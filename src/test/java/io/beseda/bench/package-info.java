/**
 * Benchmarks and load drivers, run by hand and never by the test suite: {@code ./beseda bench events}
 * drives the events API; {@code ./beseda bench policy} runs the JMH benchmarks in {@code bench.jmh}.
 */
@NullMarked
package io.beseda.bench;

import org.jspecify.annotations.NullMarked;
