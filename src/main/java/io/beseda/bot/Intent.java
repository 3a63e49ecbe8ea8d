package io.beseda.bot;

import java.util.Arrays;
import java.util.Optional;

/** What a customer's message is about; the ids are what the shipped set, the API and {@code nlu-eval} use. */
public enum Intent {
    ORDER_STATUS, DELIVERY, PAYMENT, RETURNS, STORE_LOCATOR, PROMOTIONS, LOYALTY_CARD, OPENING_HOURS, SIZE_ADVICE,
    PRODUCT_SEARCH, OPERATOR, GREETING, THANKS, GOODBYE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Intent> of(String id) {
        return Arrays.stream(values()).filter(intent -> intent.id().equals(id.strip())).findFirst();
    }
}
