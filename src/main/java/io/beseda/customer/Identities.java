package io.beseda.customer;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Normalises identities; Russian numbers are the default for phones written without a country code. */
final class Identities {

    private static final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    private Identities() {
    }

    static Identity normalise(IdentityKind kind, String raw) {
        var trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(kind + " must not be empty");
        }
        return switch (kind) {
            case PHONE -> phone(trimmed);
            case EMAIL -> new Identity(kind, trimmed.toLowerCase(Locale.ROOT), raw, trimmed.contains("@"));
            default -> new Identity(kind, trimmed, raw, true);
        };
    }

    private static Identity phone(String raw) {
        try {
            var number = phones.parse(raw, "RU");
            if (phones.isValidNumber(number)) {
                return new Identity(IdentityKind.PHONE, phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), raw, true);
            }
        } catch (NumberParseException e) {
            // kept as given and flagged below
        }
        return new Identity(IdentityKind.PHONE, raw, raw, false);
    }
}
