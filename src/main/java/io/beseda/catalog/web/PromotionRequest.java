package io.beseda.catalog.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.catalog.Promotion;

/** A promotion as the API takes it; the id is in the path. */
record PromotionRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String terms,
                        @NotNull Instant startsAt, @NotNull Instant endsAt, @Nullable UUID segmentId,
                        @Nullable @Size(max = 2000) String url) {

    @AssertTrue(message = "a promotion must end after it starts")
    boolean isOrdered() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    Promotion promotion(String id) {
        return new Promotion(id, title.strip(), terms.strip(), startsAt, endsAt, segmentId, url == null || url.isBlank() ? null : url.strip());
    }
}
