package io.beseda.customer.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerProfiles;
import io.beseda.shared.RuleViolationException;

/**
 * The profile form as posted: name, city, birthday (yyyy-MM-dd, as date inputs send it), gender and time
 * zone. Empty fields leave the profile as it is. A value that cannot be right is refused with a code the
 * console says in words.
 */
record ProfileForm(@Nullable String name, @Nullable String city, @Nullable String birthday, @Nullable String gender,
                   @Nullable String timeZone) {

    CustomerProfiles.Change change(LocalDate today) {
        if (name != null && name.strip().length() > 200) {
            throw new RuleViolationException("customer.name.too-long", "A name is at most 200 characters");
        }
        if (city != null && city.strip().length() > 100) {
            throw new RuleViolationException("customer.city.too-long", "A city is at most 100 characters");
        }
        return new CustomerProfiles.Change(name, parsedBirthday(today), parsedGender(), city, parsedZone(), null);
    }

    private @Nullable LocalDate parsedBirthday(LocalDate today) {
        if (blank(birthday)) {
            return null;
        }
        try {
            var date = LocalDate.parse(birthday.strip());
            if (date.isAfter(today) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                throw new RuleViolationException("customer.birthday.invalid", "A birthday lies between 1900 and today");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("customer.birthday.invalid", "A birthday is a date like 1990-05-17");
        }
    }

    private Customer.@Nullable Gender parsedGender() {
        if (blank(gender)) {
            return null;
        }
        try {
            return Customer.Gender.valueOf(gender.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("customer.gender.invalid", "Gender is FEMALE or MALE");
        }
    }

    private @Nullable ZoneId parsedZone() {
        if (blank(timeZone)) {
            return null;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new RuleViolationException("customer.time-zone", "Unknown time zone; use an IANA name such as Europe/Moscow");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
