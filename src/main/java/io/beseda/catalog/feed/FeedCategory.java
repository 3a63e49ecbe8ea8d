package io.beseda.catalog.feed;

import org.jspecify.annotations.Nullable;

/** A category as a feed lists it: the shop's id, its parent's, and the name customers see. */
public record FeedCategory(String id, @Nullable String parentId, String name) {
}
