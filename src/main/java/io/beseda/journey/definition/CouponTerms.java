package io.beseda.journey.definition;

import java.time.Duration;

/** A unique coupon code to issue: its prefix, what it gives (shown to the customer) and how long it is valid. */
public record CouponTerms(String prefix, String discount, Duration validFor) {

    public CouponTerms {
        if (!prefix.matches("[A-Z0-9]{0,12}") || discount.isBlank() || !validFor.isPositive()) {
            throw new IllegalArgumentException("A coupon has a prefix of up to 12 capital letters or digits, a discount and a validity");
        }
    }
}
