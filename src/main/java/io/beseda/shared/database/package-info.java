/** Where the data lives: an embedded PostgreSQL under ./data by default, an external one by URL. */
@NullMarked
package io.beseda.shared.database;

import org.jspecify.annotations.NullMarked;
