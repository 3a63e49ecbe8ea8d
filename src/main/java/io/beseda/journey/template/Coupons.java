package io.beseda.journey.template;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.workspace.WorkspaceId;

/**
 * Unique coupon codes for journeys. A code is the step's prefix and ten characters drawn by a secure random
 * generator from 31 that cannot be mistaken for one another on a phone screen (no O/0, I/1/L): about 50 bits,
 * so codes cannot be guessed from one another. Issuing is idempotent by the caller's key, so a step that runs
 * again after a crash hands out the same code.
 */
@Service
public class Coupons {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int RANDOM_CHARACTERS = 10;
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Coupons(JdbcClient jdbc, Customers customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /** Idempotent by key: the same key returns the same coupon. Codes unique per workspace, unguessable. */
    public Coupon issue(WorkspaceId workspace, CustomerId customer, CouponSpec spec, String key) {
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("A coupon's key is 1 to 200 characters");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        customers.get(workspace, customer); // another workspace's customer is not found here
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var known = find(workspace, key);
            if (known.isPresent()) {
                return known.get();
            }
            var coupon = new Coupon(code(spec.prefix()), spec.discount(), now.plus(spec.validFor()));
            // a concurrent issue under the same key, or (rarely) a code already taken: either way nothing is written
            var inserted = jdbc.sql("""
                    insert into journey_coupon (workspace_id, code, issue_key, customer_id, discount, valid_until, issued_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(workspace.value(), coupon.code(), key, customer.value(), coupon.discount(),
                            Timestamp.from(coupon.validUntil()), Timestamp.from(now))
                    .update();
            if (inserted == 1) {
                return coupon;
            }
        }
        throw new IllegalStateException("Could not find a free coupon code after " + ATTEMPTS + " attempts");
    }

    private Optional<Coupon> find(WorkspaceId workspace, String key) {
        return jdbc.sql("select code, discount, valid_until from journey_coupon where workspace_id = ? and issue_key = ?")
                .params(workspace.value(), key)
                .query((row, n) -> new Coupon(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
                .optional();
    }

    String code(String prefix) {
        var code = new StringBuilder(prefix).append('-');
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
