package io.beseda.channel.smpp;

import org.jspecify.annotations.Nullable;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

import io.beseda.customer.Identity;

/** Phone numbers between SMPP (digits with a TON) and Beseda (E.164 identities, via libphonenumber). */
final class SmppAddresses {

    private SmppAddresses() {
    }

    /** Who wrote: an international number gets its "+"; a national one is read as Russian. Null for no address. */
    static @Nullable Identity sender(@Nullable String address, byte ton) {
        if (address == null || address.isBlank()) {
            return null;
        }
        var digits = address.strip();
        boolean international = ton == TypeOfNumber.INTERNATIONAL.value()
                || (ton == TypeOfNumber.UNKNOWN.value() && digits.matches("[1-79][0-9]{10,14}"));
        return Identity.phone(international && !digits.startsWith("+") ? "+" + digits : digits);
    }

    /** The E.164 digits (without "+") to send to, or null when the address is no valid phone number. */
    static @Nullable String destination(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        var raw = address.strip();
        var phone = Identity.phone(raw);
        if (!phone.valid() && raw.matches("[1-79][0-9]{10,14}")) {
            phone = Identity.phone("+" + raw);
        }
        return phone.valid() ? phone.value().substring(1) : null;
    }

    static TypeOfNumber sourceTon(SmppSettings settings, String source) {
        if (settings.sourceTon() != null) {
            return TypeOfNumber.valueOf(settings.sourceTon().byteValue());
        }
        return source.matches("\\+?[0-9]+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC;
    }

    static NumberingPlanIndicator sourceNpi(SmppSettings settings, String source) {
        if (settings.sourceNpi() != null) {
            return NumberingPlanIndicator.valueOf(settings.sourceNpi().byteValue());
        }
        return source.matches("\\+?[0-9]+") ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN;
    }
}
