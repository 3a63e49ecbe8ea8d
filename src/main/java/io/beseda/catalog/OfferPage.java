package io.beseda.catalog;

import java.util.List;

/** One page of offers and how many match in all. */
public record OfferPage(List<Offer> offers, long total, int page, int size) {

    public OfferPage {
        offers = List.copyOf(offers);
    }
}
