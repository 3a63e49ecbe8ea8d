package io.beseda.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.journey.definition.Trigger;

/**
 * The abandoned-cart trigger: when a cart's quiet time is up, enters the customer if the cart still holds
 * something and they did nothing on the site since; if they did, checks again when the quiet after that is up.
 */
@Component
class CartIdleChecks {

    private final JdbcClient jdbc;
    private final JourneyEntries entries;
    private final CustomerHistory history;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CartIdleChecks(JdbcClient jdbc, JourneyEntries entries, CustomerHistory history, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return when to check again, or null when done */
    @Nullable Instant check(String instance) {
        var bar = instance.indexOf('|');
        var journeyId = UUID.fromString(instance.substring(0, bar));
        var customer = new CustomerId(UUID.fromString(instance.substring(bar + 1)));
        return transactions.execute(status -> {
            var open = entries.open(journeyId).orElse(null);
            if (open == null || !(open.journey().definition().trigger() instanceof Trigger.CartAbandoned abandoned)) {
                return null;
            }
            var workspace = open.workspace();
            var journey = open.journey();
            var cart = history.cart(workspace, customer).orElse(CustomerHistory.Cart.NONE);
            if (cart.empty()) {
                return null;
            }
            var last = jdbc.sql("select max(occurred_at) from storefront_event where workspace_id = ? and customer_id = ?")
                    .params(workspace.value(), customer.value()).query((row, n) -> row.getTimestamp(1)).single();
            var quietUntil = last == null ? null : last.toInstant().plus(abandoned.idle());
            if (quietUntil != null && quietUntil.isAfter(clock.instant())) {
                return quietUntil;
            }
            entries.enter(workspace, journey, customer, "cart:" + (cart.updatedAt() == null ? "" : cart.updatedAt().toEpochMilli()),
                    Map.of("cart_updated_at", String.valueOf(cart.updatedAt())));
            return null;
        });
    }
}
