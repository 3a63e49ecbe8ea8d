/** The demo workspace «Демо-магазин» that a first local start creates, so there is something to try. */
@NullMarked
package io.beseda.workspace.demo;

import org.jspecify.annotations.NullMarked;
