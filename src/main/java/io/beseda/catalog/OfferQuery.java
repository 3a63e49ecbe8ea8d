package io.beseda.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Which listed offers to show, a page at a time.
 *
 * @param category a category id; its subcategories count too
 * @param text     a case-insensitive part of the name or the vendor
 */
public record OfferQuery(@Nullable String category, @Nullable Boolean available, @Nullable String text, int page, int size) {

    public static final int MAX_SIZE = 200;

    public OfferQuery {
        page = Math.max(page, 0);
        size = Math.clamp(size, 1, MAX_SIZE);
    }
}
