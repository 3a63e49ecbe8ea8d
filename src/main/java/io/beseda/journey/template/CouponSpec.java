package io.beseda.journey.template;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What kind of coupon a step hands out.
 *
 * @param prefix   the start of every code, Latin letters and digits («CART» gives «CART-7KQ2M9XD»)
 * @param discount what it gives, as the customer reads it («10%», «500 ₽»)
 * @param validFor how long after issue it may be used
 */
public record CouponSpec(String prefix, String discount, Duration validFor) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,20}");

    public CouponSpec {
        prefix = prefix.strip().toUpperCase(java.util.Locale.ROOT);
        discount = discount.strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A coupon prefix is 1 to 20 Latin letters or digits");
        }
        if (discount.isEmpty() || discount.length() > 50) {
            throw new IllegalArgumentException("A coupon's discount is 1 to 50 characters");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("A coupon is valid for more than nothing and at most a year");
        }
    }
}
