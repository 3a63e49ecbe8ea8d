package io.beseda.catalog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A promotion as customers are told about it; {@code segmentId} null means it is for everyone. */
public record Promotion(String id, String title, String terms, Instant startsAt, Instant endsAt, @Nullable UUID segmentId,
                        @Nullable String url) {
}
