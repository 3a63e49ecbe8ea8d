/**
 * JMH microbenchmarks, compiled and run only by the {@code bench} Maven profile ({@code ./beseda bench policy});
 * the test suite neither compiles nor runs them.
 */
@NullMarked
package io.beseda.bench.jmh;

import org.jspecify.annotations.NullMarked;
