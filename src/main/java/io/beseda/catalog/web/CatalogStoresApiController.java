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
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.Store;
import io.beseda.catalog.Stores;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/stores")
@Tag(name = "Catalogue", description = "Feed imports, offers and stores")
class CatalogStoresApiController {

    private final Stores stores;

    CatalogStoresApiController(Stores stores) {
        this.stores = stores;
    }

    @GetMapping
    @Operation(summary = "The workspace's stores, by city and name")
    List<Store> list(Actor actor) {
        return stores.list(actor.workspaceId());
    }

    @GetMapping("/{storeId}")
    @Operation(summary = "One store")
    Store get(Actor actor, @PathVariable String storeId) {
        return stores.find(actor.workspaceId(), storeId).orElseThrow(() -> new NotFoundException("Store", storeId));
    }

    @PutMapping("/{storeId}")
    @Operation(summary = "Add a store or replace it, by the shop's own id (the id the feed's outlets use)",
            description = "201 when the store is new, 200 when it replaced one. Coordinates are WGS 84 degrees, both or neither.")
    ResponseEntity<Store> save(Actor actor, @PathVariable String storeId, @Valid @RequestBody StoreRequest request) {
        ShopIds.check(storeId, "storeId", "Id магазина", "a store id");
        var saved = stores.save(actor.workspaceId(), storeId, request.details());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.store());
    }

    @DeleteMapping("/{storeId}")
    @Operation(summary = "Forget a store",
            description = "Stock the feed gave for this store id stays on the offers, without a store name, until the next feed.")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String storeId) {
        if (!stores.delete(actor.workspaceId(), storeId)) {
            throw new NotFoundException("Store", storeId);
        }
        return ResponseEntity.noContent().build();
    }
}
