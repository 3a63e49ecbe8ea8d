package io.beseda.customer.segment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/** A customer as segment lists show them; {@code enteredAt} is empty in a preview, which stores nothing. */
record Member(CustomerId id, @Nullable String name, @Nullable String email, @Nullable String phone,
              @Nullable Instant enteredAt) {
}
