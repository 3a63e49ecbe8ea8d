package io.beseda.consent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/**
 * A message someone wants to send, as the send policy needs to see it.
 *
 * @param at         the moment to decide for; empty means now (from the application's clock)
 * @param template   a pre-approved template message (WhatsApp allows only these outside the 24-hour window)
 * @param address    the phone, e-mail or account it goes to, checked against suppressions
 * @param messageRef the sender's reference for the message, kept with the decision
 */
public record SendRequest(CustomerId customer, Channel channel, MessageCategory category, @Nullable Instant at,
                          boolean template, @Nullable String address, @Nullable String messageRef) {

    public static SendRequest now(CustomerId customer, Channel channel, MessageCategory category) {
        return new SendRequest(customer, channel, category, null, false, null, null);
    }
}
