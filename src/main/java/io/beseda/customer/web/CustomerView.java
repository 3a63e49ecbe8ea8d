package io.beseda.customer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.Customer;
import io.beseda.customer.Identity;

/** A customer as the API shows it. */
record CustomerView(UUID id, @Nullable String name, @Nullable String phone, @Nullable Boolean phoneValid,
                    @Nullable String email, @Nullable LocalDate birthday, Customer.@Nullable Gender gender,
                    @Nullable String city, @Nullable String timeZone, Map<String, Object> attributes,
                    Instant createdAt, @Nullable Instant lastSeenAt, boolean erased,
                    @Nullable List<IdentityView> identities) {

    record IdentityView(String kind, String value, boolean valid) {
        static IdentityView of(Identity identity) {
            return new IdentityView(identity.kind().name(), identity.value(), identity.valid());
        }
    }

    static CustomerView of(Customer c, @Nullable List<Identity> identities) {
        return new CustomerView(c.id().value(), c.name(), c.phone(), c.phoneValid(), c.email(), c.birthday(), c.gender(),
                c.city(), c.timeZone() == null ? null : c.timeZone().getId(), c.attributes(), c.createdAt(),
                c.lastSeenAt(), c.erased(), identities == null ? null : identities.stream().map(IdentityView::of).toList());
    }
}
