/**
 * Segments: rules kept in the database, membership kept current (on storefront activity, merges, a
 * periodic pass for rules that drift with time, and whenever a rule changes), the built-in segments
 * every workspace has, and their REST API and console pages.
 */
@NullMarked
package io.beseda.customer.segment;

import org.jspecify.annotations.NullMarked;
