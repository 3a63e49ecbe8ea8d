/**
 * The shop's catalogue: categories, offers with prices and availability per store, stores, and the import
 * of the feeds shops already publish (Yandex Market YML). The bot and, later, campaigns read it; search
 * over it builds on these tables.
 */
@NullMarked
package io.beseda.catalog;

import org.jspecify.annotations.NullMarked;
