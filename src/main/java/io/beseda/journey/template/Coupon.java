package io.beseda.journey.template;

import java.time.Instant;

/** A coupon handed to one customer: its code, what it gives («10%», «500 ₽») and until when. */
public record Coupon(String code, String discount, Instant validUntil) {
}
