package io.beseda.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.catalog.feed.FeedOffer;

/** An offer customers can be shown: what it is, what it costs, whether it can be bought, as the last feed said. */
public record Offer(String id, @Nullable String groupId, String name, @Nullable String vendor, @Nullable String vendorCode,
                    @Nullable String categoryId, BigDecimal price, @Nullable BigDecimal oldPrice, String currency,
                    boolean available, @Nullable String url, @Nullable String description, List<String> pictures,
                    List<FeedOffer.Param> params, Instant updatedAt) {

    public Offer {
        pictures = List.copyOf(pictures);
        params = List.copyOf(params);
    }

    /** How many of an offer one store has; the store's name is absent when the feed names a store not described yet. */
    public record Stock(String storeId, @Nullable String storeName, @Nullable String city, int quantity) {
    }
}
