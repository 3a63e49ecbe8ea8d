/** The catalogue's REST API under /api/v1/catalog: feed imports, listed offers and stores. */
@NullMarked
package io.beseda.catalog.web;

import org.jspecify.annotations.NullMarked;
