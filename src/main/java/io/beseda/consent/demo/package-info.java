/** Consents for the demo shop's customers, so the send policy has something to decide about. */
@NullMarked
package io.beseda.consent.demo;

import org.jspecify.annotations.NullMarked;
