package io.beseda.journey.template;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where the shop's site and cart page are, for the links in journeys' messages. */
@RestController
@RequestMapping("/api/v1/shop-pages")
@Tag(name = "Journeys", description = "Journeys' messages: the shop's pages their links lead to")
class ShopPagesApiController {

    record PagesRequest(@Nullable String siteUrl, @Nullable String cartUrl) {
    }

    private final ShopPages pages;

    ShopPagesApiController(ShopPages pages) {
        this.pages = pages;
    }

    @GetMapping
    @Operation(summary = "The shop's site and cart page")
    ShopPages.Pages get(Actor actor) {
        return pages.of(actor.workspaceId());
    }

    @PutMapping
    @Operation(summary = "Name the shop's site and cart page",
            description = "Cart links in messages lead to cartUrl with ?" + ShopPages.RESTORE_PARAMETER + "=<token>; the page "
                    + "restores the cart from GET /r/<token>/cart. Without a cart page, Beseda shows the cart itself.")
    ResponseEntity<?> save(Actor actor, @RequestBody PagesRequest request) {
        ShopPages.Pages saved;
        try {
            saved = new ShopPages.Pages(request.siteUrl(), request.cartUrl());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        pages.save(actor.workspaceId(), saved);
        return ResponseEntity.ok(saved);
    }
}
