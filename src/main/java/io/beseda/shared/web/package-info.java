/** How the REST API reports errors: RFC 9457 problem details, never a stack trace. */
@NullMarked
package io.beseda.shared.web;

import org.jspecify.annotations.NullMarked;
