package io.beseda.catalog.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.Promotion;
import io.beseda.catalog.Promotions;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/promotions")
@Tag(name = "Catalogue", description = "Feed imports, offers, stores and promotions")
class CatalogPromotionsApiController {

    private final Promotions promotions;

    CatalogPromotionsApiController(Promotions promotions) {
        this.promotions = promotions;
    }

    @GetMapping
    @Operation(summary = "The workspace's promotions, the latest to end first",
            description = "With current=true only those running now (for everyone or for any segment), ending soonest first.")
    List<Promotion> list(Actor actor, @RequestParam(defaultValue = "false") boolean current) {
        return current ? promotions.running(actor.workspaceId()) : promotions.list(actor.workspaceId());
    }

    @GetMapping("/{promotionId}")
    @Operation(summary = "One promotion")
    Promotion get(Actor actor, @PathVariable String promotionId) {
        return promotions.find(actor.workspaceId(), promotionId).orElseThrow(() -> new NotFoundException("Promotion", promotionId));
    }

    @PutMapping("/{promotionId}")
    @Operation(summary = "Add a promotion or replace it, by the shop's own id",
            description = "201 when new, 200 when it replaced one. segmentId limits who the bot tells about it to that segment's members.")
    ResponseEntity<Promotion> save(Actor actor, @PathVariable String promotionId, @Valid @RequestBody PromotionRequest request) {
        ShopIds.check(promotionId, "promotionId", "Id акции", "a promotion id");
        boolean existed = promotions.find(actor.workspaceId(), promotionId).isPresent();
        var saved = promotions.save(actor.workspaceId(), request.promotion(promotionId));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(saved);
    }

    @DeleteMapping("/{promotionId}")
    @Operation(summary = "Remove a promotion")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String promotionId) {
        if (!promotions.delete(actor.workspaceId(), promotionId)) {
            throw new NotFoundException("Promotion", promotionId);
        }
        return ResponseEntity.noContent().build();
    }
}
