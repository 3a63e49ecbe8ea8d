package io.beseda.catalog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.search.Synonyms;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/synonyms")
@Tag(name = "Catalogue", description = "Feed imports, offers, stores, promotions and search synonyms")
class CatalogSynonymsApiController {

    /** Groups of words customers use for the same thing, e.g. [["худи", "толстовка", "свитшот"]]. */
    record SynonymGroups(@NotNull List<List<String>> groups) {
    }

    private final Synonyms synonyms;

    CatalogSynonymsApiController(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    @GetMapping
    @Operation(summary = "The workspace's synonym groups for catalogue search")
    SynonymGroups get(Actor actor) {
        return new SynonymGroups(synonyms.groups(actor.workspaceId()));
    }

    @PutMapping
    @Operation(summary = "Replace the synonym groups",
            description = "Each group: 2 to 20 words of up to 50 characters, one form of each word is enough (stems are compared). "
                    + "Up to 500 groups. Search uses them at once.")
    SynonymGroups replace(Actor actor, @Valid @RequestBody SynonymGroups body) {
        return new SynonymGroups(synonyms.replace(actor.workspaceId(), body.groups()));
    }
}
