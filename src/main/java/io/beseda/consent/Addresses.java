package io.beseda.consent;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.Identity;

/**
 * Addresses in the form the customer module stores identities in, so that "+7 916 123-45-67" in a
 * suppression matches the customer's phone "+79161234567", and e-mails match whatever their case.
 */
final class Addresses {

    private Addresses() {
    }

    static @Nullable String normalise(@Nullable Channel channel, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var trimmed = raw.strip();
        if (channel == Channel.EMAIL || (channel == null && trimmed.contains("@"))) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (channel == null || channel == Channel.SMS || channel == Channel.WHATSAPP || channel == Channel.VIBER) {
            var phone = Identity.phone(trimmed);
            if (phone.valid()) {
                return phone.value();
            }
        }
        return trimmed;
    }
}
