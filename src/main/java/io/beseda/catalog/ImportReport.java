package io.beseda.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.catalog.feed.FeedRefusal;

/**
 * What one feed import did: offers added, changed, unchanged, withdrawn (listed before, absent now) and
 * refused (with the first {@link CatalogImport#REFUSALS_KEPT} reasons), or why nothing was imported.
 */
public record ImportReport(UUID id, String source, Instant startedAt, Instant finishedAt, int categories, int added, int changed,
                           int unchanged, int withdrawn, int refused, List<FeedRefusal> refusals, @Nullable String failure) {

    public ImportReport {
        // to what PostgreSQL keeps, so the report an import answers is the one its history reads back
        startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
        finishedAt = finishedAt.truncatedTo(ChronoUnit.MICROS);
        refusals = List.copyOf(refusals);
    }

    public boolean failed() {
        return failure != null;
    }
}
