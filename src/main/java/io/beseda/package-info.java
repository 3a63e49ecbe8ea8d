/** Beseda, an omnichannel conversational-commerce platform for retailers. */
@NullMarked
package io.beseda;

import org.jspecify.annotations.NullMarked;
