package io.beseda.customer;

import java.util.UUID;

/** Identifies a customer profile within a workspace. */
public record CustomerId(UUID value) {

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
