package io.beseda.customer;

import io.beseda.workspace.WorkspaceId;

/**
 * A new identity showed that two profiles are one person: {@code merged} was folded into
 * {@code survivor}. Modules that keep data per customer move theirs to the survivor.
 */
public record CustomersMerged(WorkspaceId workspaceId, CustomerId survivor, CustomerId merged, String reason) {
}
