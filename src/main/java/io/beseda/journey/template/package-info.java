/**
 * What a journey's messages say: Liquid templates per channel filled with the customer's cart, order, coupon and
 * recommended products, coupons issued once per step, and the signed cart links that bring a customer back to a
 * filled cart (and count the click).
 */
@NullMarked
package io.beseda.journey.template;

import org.jspecify.annotations.NullMarked;
