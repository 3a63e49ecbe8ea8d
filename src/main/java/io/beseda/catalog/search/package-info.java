/**
 * Catalogue search: an in-memory Lucene index per workspace with Russian morphology, built from the
 * catalogue tables and kept up to date after every change, and the reading of shopping queries
 * ("недорогой аксессуар к платью", "пуховик 48 размера до 15 000"). {@link io.beseda.catalog.search.CatalogSearch}
 * is what other modules (the bot) call.
 */
@NullMarked
@NamedInterface("search")
package io.beseda.catalog.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
