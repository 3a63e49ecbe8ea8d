/**
 * The shared kernel: what every module needs and no module owns, such as the database bootstrap and
 * the way errors are reported.
 */
@NullMarked
package io.beseda.shared;

import org.jspecify.annotations.NullMarked;
