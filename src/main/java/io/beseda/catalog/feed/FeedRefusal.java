package io.beseda.catalog.feed;

import org.jspecify.annotations.Nullable;

/** An offer the feed could not give us, where it stands in the file, and why, in words a shop can act on. */
public record FeedRefusal(@Nullable String offerId, int line, String reason) {
}
