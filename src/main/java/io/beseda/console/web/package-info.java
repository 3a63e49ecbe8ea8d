/** Controllers and MVC settings of the console shell. */
@NullMarked
package io.beseda.console.web;

import org.jspecify.annotations.NullMarked;
