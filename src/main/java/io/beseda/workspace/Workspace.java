package io.beseda.workspace;

import java.time.Instant;
import java.time.ZoneId;

/** A shop's own space in Beseda: its customers, channels, people and settings. */
public record Workspace(WorkspaceId id, String slug, String name, ZoneId timeZone, Instant createdAt) {
}
