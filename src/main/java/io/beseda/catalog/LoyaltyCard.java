package io.beseda.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/** A loyalty card: its number, whose it is (none until activated), state, points balance and tier. */
public record LoyaltyCard(String number, @Nullable CustomerId customer, Status status, BigDecimal balance, String tier,
                          Instant issuedAt) {

    public enum Status { NOT_ACTIVATED, ACTIVE, BLOCKED, REPLACED }
}
