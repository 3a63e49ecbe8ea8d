package io.beseda.journey.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.catalog.Offer;
import io.beseda.catalog.Offers;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A customer's cart as the shop last reported it, item by item in one shape whatever names the shop's tracker
 * used ({@code productId} or {@code id}, {@code picture} or {@code image}), with a picture and a page from the
 * catalogue where the shop sent none.
 */
@Component
class CartContents {

    /** A cart longer than this is shown (and restored) by its first items. */
    static final int MAX_ITEMS = 50;

    record Item(@Nullable String id, String name, @Nullable BigDecimal price, int quantity, @Nullable String picture,
                @Nullable String url) {
    }

    record Cart(List<Item> items, BigDecimal total, String currency) {

        int count() {
            return items.stream().mapToInt(Item::quantity).sum();
        }
    }

    private final CustomerHistory history;
    private final Offers offers;

    CartContents(CustomerHistory history, Offers offers) {
        this.history = history;
        this.offers = offers;
    }

    Cart of(WorkspaceId workspace, CustomerId customer) {
        var cart = history.cart(workspace, customer).orElse(CustomerHistory.Cart.NONE);
        var items = new ArrayList<Item>();
        for (var line : cart.items().stream().limit(MAX_ITEMS).toList()) {
            items.add(item(workspace, line));
        }
        return new Cart(List.copyOf(items), cart.total(), cart.currency());
    }

    private Item item(WorkspaceId workspace, Map<String, Object> line) {
        var id = text(line, "productId", "offerId", "id", "sku");
        var name = text(line, "name", "title");
        var picture = text(line, "picture", "image", "imageUrl", "pictureUrl");
        var url = text(line, "url", "link", "productUrl");
        var price = RussianFormats.decimal(line.get("price"));
        var quantity = RussianFormats.decimal(line.get("quantity"));
        // the catalogue only fills in what the shop's tracker left out
        var offer = id == null || (name != null && picture != null && url != null && price != null) ? null
                : offers.find(workspace, id).orElse(null);
        return new Item(id, name != null ? name : offer != null ? offer.name() : "",
                price != null ? price : offer != null ? offer.price() : null,
                quantity == null || quantity.signum() <= 0 ? 1 : Math.min(quantity.intValue(), 10_000),
                picture != null ? picture : offer == null ? null : firstPicture(offer),
                url != null ? url : offer == null ? null : offer.url());
    }

    private static @Nullable String firstPicture(Offer offer) {
        return offer.pictures().isEmpty() ? null : offer.pictures().getFirst();
    }

    private static @Nullable String text(Map<String, Object> line, String... keys) {
        for (var key : keys) {
            var value = line.get(key);
            if (value != null && !(value instanceof Map) && !(value instanceof List) && !value.toString().isBlank()) {
                return value.toString().strip();
            }
        }
        return null;
    }
}
