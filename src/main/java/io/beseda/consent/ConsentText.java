package io.beseda.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A version of the wording customers agree to. A consent record points at the exact text shown, and its
 * SHA-256 proves the wording was not changed afterwards.
 */
public record ConsentText(UUID id, ConsentPurpose purpose, String version, String body, String sha256,
                          Instant createdAt) {
}
