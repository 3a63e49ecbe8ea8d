package io.beseda.consent;

import java.time.Instant;
import java.util.List;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A customer's whole consent history as proof for a regulator or a court: every record as it was made,
 * the exact texts they point at (with SHA-256 to show the wording is unchanged), and the current state.
 */
public record ConsentProof(WorkspaceId workspaceId, CustomerId customerId, Instant exportedAt, String exportedBy,
                           List<ConsentState> current, List<ConsentRecord> records, List<ConsentText> texts) {
}
