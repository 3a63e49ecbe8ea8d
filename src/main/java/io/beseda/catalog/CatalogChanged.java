package io.beseda.catalog;

import java.util.List;

import io.beseda.workspace.WorkspaceId;

/** Offers were added, changed or withdrawn (by their ids): search indexes and caches re-read them. */
public record CatalogChanged(WorkspaceId workspaceId, List<String> offerIds) {

    public CatalogChanged {
        offerIds = List.copyOf(offerIds);
    }
}
