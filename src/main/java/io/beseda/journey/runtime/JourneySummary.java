package io.beseda.journey.runtime;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A journey in the list: where it stands and which version new customers enter. */
public record JourneySummary(UUID id, String name, Status status, int draftVersion, @Nullable Integer liveVersion,
                             @Nullable String templateKey, Instant updatedAt) {

    public enum Status { DRAFT, ACTIVE, PAUSED, ARCHIVED }

    /** The draft has changes not launched yet. */
    public boolean unlaunchedChanges() {
        return liveVersion == null || draftVersion > liveVersion;
    }
}
