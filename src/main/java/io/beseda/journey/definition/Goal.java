package io.beseda.journey.definition;

import java.time.Duration;

/**
 * Reaching the goal exits the customer and counts a conversion when it happens within {@code window} of
 * entering (after the journey's last step too).
 *
 * @param event the storefront event that is the goal, usually {@code order_placed}
 */
public record Goal(String event, Duration window) {

    public Goal {
        if (event.isBlank() || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A goal names its event and a positive attribution window");
        }
    }
}
