/**
 * Demo customers for «Демо-магазин»: a few hundred made-up Russian shoppers whose visits, carts and
 * orders over the last two months go in through the real storefront ingestion, so every console page
 * has something true to show on a first start.
 */
@NullMarked
package io.beseda.customer.demo;

import org.jspecify.annotations.NullMarked;
