package io.beseda.consent;

import java.time.ZoneId;
import java.util.List;

import io.beseda.customer.CustomerId;

/**
 * What the consent part of a customer's profile shows (templates/consent/customer-consents.html):
 * where they stand now, every record of the ledger, and the latest send decisions with their reasons.
 *
 * @param zone the customer's time zone (or the workspace's), in which the fragment shows times
 */
public record CustomerConsentPanel(CustomerId customerId, ZoneId zone, List<ConsentState> current,
                                   List<ConsentRecord> history, List<RecordedDecision> decisions) {
}
