package io.beseda.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.workspace.WorkspaceId;

/**
 * Creates the profiles of many strangers in two statements, as a batch of storefront events with new
 * visitors needs. A stranger whose identity another transaction claimed meanwhile is reported back, so
 * the caller can take the careful path for just that one.
 */
final class NewCustomers {

    private NewCustomers() {
    }

    /** Creates a profile per identity set; the result holds the sets whose identities all became theirs. */
    static Map<String, CustomerId> create(JdbcClient jdbc, WorkspaceId workspace, Map<String, List<Identity>> sets,
                                          Map<String, Instant> seenAt) {
        var ids = new LinkedHashMap<String, CustomerId>();
        var customerIds = new ArrayList<UUID>();
        var phones = new ArrayList<String>();
        var phoneValid = new ArrayList<Boolean>();
        var emails = new ArrayList<String>();
        var times = new ArrayList<Timestamp>();
        var identityRows = new IdentityRows();
        sets.forEach((key, identities) -> {
            var id = CustomerId.random();
            ids.put(key, id);
            var phone = first(identities, IdentityKind.PHONE);
            customerIds.add(id.value());
            phones.add(phone.map(Identity::value).orElse(null));
            phoneValid.add(phone.map(Identity::valid).orElse(null));
            emails.add(first(identities, IdentityKind.EMAIL).map(Identity::value).orElse(null));
            times.add(Timestamp.from(seenAt.get(key)));
            identities.forEach(i -> identityRows.add(i, id));
        });
        jdbc.sql("""
                insert into customer (id, workspace_id, phone, phone_valid, email, created_at, last_seen_at)
                select c.id, ?, c.phone, c.valid, c.email, c.at, c.at
                from unnest(?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::timestamptz[]) as c(id, phone, valid, email, at)""")
                .params(workspace.value(), customerIds.toArray(UUID[]::new), phones.toArray(String[]::new),
                        phoneValid.toArray(Boolean[]::new), emails.toArray(String[]::new), times.toArray(Timestamp[]::new))
                .update();
        var claimed = identityRows.insert(jdbc, workspace);
        var settled = new LinkedHashMap<String, CustomerId>();
        ids.forEach((key, id) -> {
            if (sets.get(key).stream().allMatch(i -> id.value().equals(claimed.get(i.toString())))) {
                settled.put(key, id);
            }
        });
        return settled;
    }

    private static Optional<Identity> first(List<Identity> identities, IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).findFirst();
    }

    /** The identity rows of a batch, inserted in one statement; returns who owns each identity afterwards. */
    private static final class IdentityRows {
        private final List<String> kinds = new ArrayList<>();
        private final List<String> values = new ArrayList<>();
        private final List<UUID> customers = new ArrayList<>();
        private final List<String> raws = new ArrayList<>();
        private final List<Boolean> valid = new ArrayList<>();

        void add(Identity identity, CustomerId customer) {
            kinds.add(identity.kind().name());
            values.add(identity.value());
            customers.add(customer.value());
            raws.add(identity.raw());
            valid.add(identity.valid());
        }

        Map<String, UUID> insert(JdbcClient jdbc, WorkspaceId workspace) {
            var owners = new LinkedHashMap<String, UUID>();
            jdbc.sql("""
                    insert into customer_identity (workspace_id, kind, value, customer_id, raw, valid)
                    select ?, i.kind, i.value, i.customer, i.raw, i.valid
                    from unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::boolean[]) as i(kind, value, customer, raw, valid)
                    order by i.kind, i.value
                    on conflict do nothing
                    returning kind || ':' || value as key, customer_id""")
                    .params(workspace.value(), kinds.toArray(String[]::new), values.toArray(String[]::new),
                            customers.toArray(UUID[]::new), raws.toArray(String[]::new), valid.toArray(Boolean[]::new))
                    .query(row -> {
                        owners.put(row.getString("key"), row.getObject("customer_id", UUID.class));
                    });
            return owners;
        }
    }
}
