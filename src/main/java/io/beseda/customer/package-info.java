/**
 * Customers: one profile per person per workspace, the identities that recognise them across channels
 * and devices, what they did on the shop's site (storefront events), their cart and orders, and segments.
 */
@NullMarked
package io.beseda.customer;

import org.jspecify.annotations.NullMarked;
