/**
 * The bot: it holds new conversations (status pending), says what it can do, answers the routine
 * questions of a shop's customers in Russian (order status, delivery, payment, returns, stores,
 * promotions, loyalty card, hours, sizes, products from the catalogue) and hands the customer to an
 * operator, with a note of what was asked and collected, when it is out of its depth or asked to.
 */
@NullMarked
package io.beseda.bot;

import org.jspecify.annotations.NullMarked;
