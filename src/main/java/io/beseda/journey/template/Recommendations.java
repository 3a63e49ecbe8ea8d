package io.beseda.journey.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.catalog.Offer;
import io.beseda.catalog.OfferQuery;
import io.beseda.catalog.Offers;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Up to four products to suggest beside a cart: available offers from the categories of what is in the cart, then
 * of what the customer looked at lately, then anything available. Never what is already in the cart, and one
 * offer per product group (a coat in four sizes is one suggestion). The catalogue keeps no sales counts yet, so
 * "popular" is not known here; the last resort is the catalogue's own order.
 */
@Component
class Recommendations {

    static final int LIMIT = 4;
    private static final int CATEGORIES = 3;
    private static final int PAGE = 30;

    private final Offers offers;
    private final CustomerHistory history;

    Recommendations(Offers offers, CustomerHistory history) {
        this.offers = offers;
        this.history = history;
    }

    List<Offer> beside(WorkspaceId workspace, CustomerId customer, CartContents.Cart cart) {
        var inCart = new HashSet<String>();
        var categories = new LinkedHashSet<String>();
        for (var item : cart.items()) {
            if (item.id() != null) {
                inCart.add(item.id());
                offers.find(workspace, item.id()).ifPresent(offer -> {
                    inCart.add(group(offer));
                    if (offer.categoryId() != null) {
                        categories.add(offer.categoryId());
                    }
                });
            }
        }
        if (categories.size() < CATEGORIES) {
            for (var view : history.recentViews(workspace, customer, 10)) {
                offers.find(workspace, view.productId()).map(Offer::categoryId).filter(Objects::nonNull).ifPresent(categories::add);
            }
        }
        var chosen = new ArrayList<Offer>();
        var groups = new HashSet<>(inCart);
        for (var category : categories.stream().limit(CATEGORIES).toList()) {
            pick(offers.list(workspace, new OfferQuery(category, true, null, 0, PAGE)).offers(), inCart, groups, chosen);
        }
        if (chosen.size() < LIMIT) {
            pick(offers.list(workspace, new OfferQuery(null, true, null, 0, PAGE)).offers(), inCart, groups, chosen);
        }
        return List.copyOf(chosen);
    }

    private static void pick(List<Offer> candidates, Set<String> inCart, Set<String> groups, List<Offer> chosen) {
        for (var offer : candidates) {
            if (chosen.size() >= LIMIT) {
                return;
            }
            if (!inCart.contains(offer.id()) && groups.add(group(offer))) {
                chosen.add(offer);
            }
        }
    }

    private static String group(Offer offer) {
        return offer.groupId() != null ? offer.groupId() : offer.id();
    }

    static @Nullable String picture(Offer offer) {
        return offer.pictures().isEmpty() ? null : offer.pictures().getFirst();
    }
}
