package io.beseda.catalog.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.Offer;
import io.beseda.catalog.OfferPage;
import io.beseda.catalog.OfferQuery;
import io.beseda.catalog.Offers;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/offers")
@Tag(name = "Catalogue", description = "Feed imports, offers and stores")
class CatalogOffersApiController {

    private final Offers offers;

    CatalogOffersApiController(Offers offers) {
        this.offers = offers;
    }

    @GetMapping
    @Operation(summary = "Offers the latest feed lists, by name, a page at a time (size up to " + OfferQuery.MAX_SIZE + ")",
            description = "category takes a category id and includes its subcategories. q is a plain case-insensitive "
                    + "substring of the name or the vendor for now; real catalogue search (word forms, ranking) comes later "
                    + "and may change what q matches.")
    OfferPage list(Actor actor, @RequestParam(required = false) @Nullable String category,
                   @RequestParam(required = false) @Nullable Boolean available,
                   @RequestParam(required = false) @Nullable String q,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return offers.list(actor.workspaceId(), new OfferQuery(category, available, q, page, size));
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One listed offer with its params, pictures and stock per store",
            description = "Withdrawn offers (no longer in the feed) answer 404 like unknown ones.")
    OfferDetails get(Actor actor, @PathVariable String offerId) {
        var offer = offers.find(actor.workspaceId(), offerId).orElseThrow(() -> new NotFoundException("Offer", offerId));
        return new OfferDetails(offer, offers.stock(actor.workspaceId(), offer.id()));
    }

    /** An offer and where it can be had, as one object. */
    record OfferDetails(@JsonUnwrapped Offer offer, List<Offer.Stock> stock) {
    }
}
