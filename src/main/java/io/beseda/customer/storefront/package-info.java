/**
 * Storefront events: what customers did on the shop's site, taken in batches (idempotent by event id),
 * stored once, and turned into the projections the console and journeys read (cart, orders, recently
 * viewed products, last activity).
 */
@NullMarked
package io.beseda.customer.storefront;

import org.jspecify.annotations.NullMarked;
