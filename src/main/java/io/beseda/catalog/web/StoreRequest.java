package io.beseda.catalog.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.catalog.Stores;

/** A store as the API takes it; the id is in the path. */
record StoreRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String city,
                    @NotBlank @Size(max = 500) String address,
                    @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
                    @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
                    @Nullable @Size(max = 200) String hours, @Nullable @Size(max = 32) String phone) {

    @AssertTrue(message = "give both latitude and longitude, or neither")
    boolean isCoordinates() {
        return (latitude == null) == (longitude == null);
    }

    Stores.Details details() {
        return new Stores.Details(name.strip(), city.strip(), address.strip(), latitude, longitude, blankless(hours),
                blankless(phone));
    }

    private static @Nullable String blankless(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
