package io.beseda.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A shop's store where customers can come: the shop's own id (the one its feed's outlets use), where it is
 * and when it is open.
 */
public record Store(String id, String name, String city, String address, @Nullable Double latitude,
                    @Nullable Double longitude, @Nullable String hours, @Nullable String phone, Instant updatedAt) {
}
