package io.beseda.customer.segment.rule;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a customer's orders become RFM scores from 1 (weakest) to 5 (strongest). Cancelled orders do not
 * count; a customer who never ordered has no scores and is in no RFM bucket.
 *
 * <ul>
 * <li><b>Recency</b> — days since the last order: 5 within 30, 4 within 60, 3 within 120, 2 within 240,
 *     1 longer ago.</li>
 * <li><b>Frequency</b> — orders in the last 365 days: 5 for 10 or more, 4 for 5–9, 3 for 3–4, 2 for 2,
 *     1 for one or none.</li>
 * <li><b>Monetary</b> — total of the orders in the last 365 days, in the shop's currency: 5 from 50 000,
 *     4 from 20 000, 3 from 10 000, 2 from 3 000, 1 below.</li>
 * </ul>
 *
 * Fixed thresholds rather than quintiles of the workspace: a score then means the same thing in every
 * shop and does not shift when other customers buy.
 */
public final class RfmScale {

    /** Orders this many days old or newer count towards frequency and monetary value. */
    public static final int YEAR_DAYS = 365;
    /** Recency thresholds in days for scores 5, 4, 3 and 2. */
    public static final List<Integer> RECENCY_DAYS = List.of(30, 60, 120, 240);
    /** Frequency thresholds in orders for scores 5, 4, 3 and 2. */
    public static final List<Integer> FREQUENCY_ORDERS = List.of(10, 5, 3, 2);
    /** Monetary thresholds for scores 5, 4, 3 and 2. */
    public static final List<BigDecimal> MONETARY_TOTALS = List.of(new BigDecimal("50000"), new BigDecimal("20000"),
            new BigDecimal("10000"), new BigDecimal("3000"));

    private RfmScale() {
    }
}
