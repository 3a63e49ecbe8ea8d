package io.beseda.catalog.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An offer as a feed describes it: one thing a customer can buy (a jacket in one size and colour), with the
 * offers of one model sharing a {@code groupId}.
 *
 * @param stock how many are in each store, by the store's id (the feed's {@code outlets})
 */
public record FeedOffer(String id, @Nullable String groupId, String name, @Nullable String vendor, @Nullable String vendorCode,
                        @Nullable String categoryId, BigDecimal price, @Nullable BigDecimal oldPrice, String currency,
                        boolean available, @Nullable String url, @Nullable String description, List<String> pictures,
                        List<Param> params, Map<String, Integer> stock) {

    /** A property such as «Размер» 48 (unit «RU») or «Цвет» чёрный. */
    public record Param(String name, @Nullable String unit, String value) {
    }

    public FeedOffer {
        pictures = List.copyOf(pictures);
        params = List.copyOf(params);
        stock = Map.copyOf(stock);
    }
}
