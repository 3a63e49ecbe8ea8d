/**
 * The operator console's shell: sign-in page, layout, navigation and language. Each module serves its
 * own pages inside this shell; the navigation lists only the sections that exist.
 */
@NullMarked
package io.beseda.console;

import org.jspecify.annotations.NullMarked;
