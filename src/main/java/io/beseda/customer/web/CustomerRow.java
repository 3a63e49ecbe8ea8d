package io.beseda.customer.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.beseda.customer.Customer;

/** A customer as a line of the console: a valid phone written the way people read it, +7 916 123-45-67. */
record CustomerRow(String id, @Nullable String name, @Nullable String phone, boolean phoneInvalid,
                   @Nullable String email, @Nullable String city, @Nullable Instant lastSeenAt) {

    private static final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    static CustomerRow of(Customer c) {
        return new CustomerRow(c.id().toString(), c.name(), readable(c.phone(), c.phoneValid()),
                c.phone() != null && Boolean.FALSE.equals(c.phoneValid()), c.email(), c.city(), c.lastSeenAt());
    }

    static @Nullable String readable(@Nullable String phone, @Nullable Boolean valid) {
        if (phone == null || !Boolean.TRUE.equals(valid)) {
            return phone;
        }
        try {
            return phones.format(phones.parse(phone, "RU"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return phone;
        }
    }
}
