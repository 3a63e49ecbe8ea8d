/** The demo workspace's catalogue and stores. */
@NullMarked
package io.beseda.catalog.demo;

import org.jspecify.annotations.NullMarked;
