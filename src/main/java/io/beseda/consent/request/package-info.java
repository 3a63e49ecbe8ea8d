/**
 * Data subject requests under 152-FZ: a customer asks for everything Beseda keeps about them, asks to
 * stop processing, or asks to be erased. Each request has its statutory deadline tracked, and what was
 * done is kept as a record.
 */
@NullMarked
package io.beseda.consent.request;

import org.jspecify.annotations.NullMarked;
