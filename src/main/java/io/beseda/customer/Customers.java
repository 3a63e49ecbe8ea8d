package io.beseda.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer profiles and the identities that lead to them. {@link #resolve} is how every channel and
 * the storefront find "who is this": it finds the profile an identity belongs to, creates one for a
 * stranger, and merges profiles when a new identity shows they are one person.
 */
@Service
public class Customers {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Customers(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** The profile, following merges to the survivor; erased profiles are found too (check {@link Customer#erased()}). */
    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("""
                select c.* from customer c
                where c.workspace_id = ? and c.id = coalesce((select merged_into from customer
                                                             where workspace_id = ? and id = ?), ?)""")
                .params(workspace.value(), workspace.value(), id.value(), id.value())
                .query(this::map).optional();
    }

    public Customer get(WorkspaceId workspace, CustomerId id) {
        return find(workspace, id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /**
     * Display names of many profiles at once, for lists (the inbox): a merged-away id gets its survivor's
     * name; profiles without a name, and erased ones, are left out.
     */
    public Map<CustomerId, String> names(WorkspaceId workspace, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new java.util.HashMap<CustomerId, String>();
        jdbc.sql("""
                select c.id, coalesce(s.name, c.name) as name from customer c
                left join customer s on s.workspace_id = c.workspace_id and s.id = c.merged_into
                where c.workspace_id = ? and c.id = any(?) and coalesce(s.erased_at, c.erased_at) is null""")
                .params(workspace.value(), ids.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
                .query(row -> {
                    var name = row.getString("name");
                    if (name != null) {
                        names.put(new CustomerId(row.getObject("id", UUID.class)), name);
                    }
                });
        return names;
    }

    public List<Identity> identities(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select kind, value, raw, valid from customer_identity where workspace_id = ? and customer_id = ? order by kind, created_at")
                .params(workspace.value(), id.value())
                .query((row, n) -> new Identity(IdentityKind.valueOf(row.getString("kind")), row.getString("value"),
                        row.getString("raw"), row.getBoolean("valid")))
                .list();
    }

    /** The live profile an identity belongs to, if any. */
    public Optional<CustomerId> findBy(WorkspaceId workspace, Identity identity) {
        return jdbc.sql("select customer_id from customer_identity where workspace_id = ? and kind = ? and value = ?")
                .params(workspace.value(), identity.kind().name(), identity.value())
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).optional();
    }

    /**
     * Finds or creates the one profile these identities belong to, merging profiles they show to be one
     * person. Empty when an identity belongs to an erased customer: their data must not come back.
     */
    @Transactional
    public Optional<CustomerId> resolve(WorkspaceId workspace, Collection<Identity> identities, Instant seenAt) {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("At least one identity is needed to recognise a customer");
        }
        var known = known(workspace, identities);
        if (known.isPresent()) {
            if (known.get().lastSeenAt() == null || known.get().lastSeenAt().isBefore(seenAt.minus(LAST_SEEN_PRECISION))) {
                touch(workspace, known.get().customer(), seenAt);
            }
            return Optional.of(known.get().customer());
        }
        if (erasedIdentities(workspace, identities)) {
            return Optional.empty();
        }
        var owners = owners(workspace, identities);
        CustomerId customer;
        if (owners.isEmpty()) {
            customer = create(workspace, identities, seenAt);
        } else {
            var distinct = owners.values().stream().distinct().toList();
            customer = distinct.size() == 1 ? distinct.getFirst() : merge(workspace, distinct, identities);
        }
        attachMissing(workspace, customer, identities, owners.keySet());
        customer = settleRace(workspace, customer, identities);
        touch(workspace, customer, seenAt);
        return Optional.of(customer);
    }

    /**
     * Resolves many identity sets at once, as a batch of storefront events needs: one query finds every
     * known identity, sets that all point at one profile are done, only the rest take the slow path.
     *
     * @param sets   identity sets by a caller's key
     * @param seenAt when each set was last seen, by the same key
     */
    @Transactional
    public Map<String, Optional<CustomerId>> resolveAll(WorkspaceId workspace, Map<String, List<Identity>> sets,
                                                        Map<String, Instant> seenAt) {
        var all = sets.values().stream().flatMap(List::stream).distinct().toList();
        var owners = owners(workspace, all);
        var erased = erasedHashes(workspace, all);
        var result = new LinkedHashMap<String, Optional<CustomerId>>();
        var touched = new java.util.TreeMap<CustomerId, Instant>(java.util.Comparator.comparing(CustomerId::value));
        var strangers = new java.util.TreeMap<String, List<Identity>>();
        var careful = new java.util.TreeMap<String, List<Identity>>();
        var claimedInBatch = new HashSet<String>();
        sets.forEach((key, identities) -> {
            if (identities.stream().anyMatch(i -> erased.contains(ErasedIdentities.hash(i)))) {
                result.put(key, Optional.empty());
                return;
            }
            var found = identities.stream().map(i -> owners.get(i.toString())).distinct().toList();
            if (found.size() == 1 && found.getFirst() != null) {
                result.put(key, Optional.of(found.getFirst()));
                touched.merge(found.getFirst(), seenAt.get(key), (a, b) -> a.isAfter(b) ? a : b);
            } else if (found.size() == 1 && identities.stream().allMatch(i -> claimedInBatch.add(i.toString()))) {
                strangers.put(key, identities);
            } else {
                careful.put(key, identities);
            }
        });
        var created = strangers.isEmpty() ? Map.<String, CustomerId>of() : NewCustomers.create(jdbc, workspace, strangers, seenAt);
        strangers.forEach((key, identities) -> {
            var id = created.get(key);
            if (id != null) {
                result.put(key, Optional.of(id));
            } else {
                careful.put(key, identities);
            }
        });
        careful.forEach((key, identities) -> result.put(key, resolve(workspace, identities, seenAt.get(key))));
        touchAll(workspace, touched);
        return result;
    }

    private Set<String> erasedHashes(WorkspaceId workspace, Collection<Identity> identities) {
        var hashes = identities.stream().map(ErasedIdentities::hash).toList();
        return new HashSet<>(jdbc.sql("""
                select e.kind || ':' || e.value_sha256 from erased_identity e
                join unnest(?::text[], ?::text[]) as k(kind, hash) on e.kind = k.kind and e.value_sha256 = k.hash
                where e.workspace_id = ?""")
                .params(hashes.stream().map(h -> h.substring(0, h.indexOf(':'))).toArray(String[]::new),
                        hashes.stream().map(h -> h.substring(h.indexOf(':') + 1)).toArray(String[]::new), workspace.value())
                .query(String.class).list());
    }

    /**
     * How stale {@code last_seen_at} may get before a returning customer's visit updates it: writing the
     * profile row on every message costs an index update and serialises a chatty customer's messages on
     * the row lock, while what reads it (segments, the customer list) counts in days.
     */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

    private record Known(CustomerId customer, @Nullable Instant lastSeenAt) {
    }

    /**
     * The common case in one query: every identity already belongs to the same live profile and none was
     * erased. Anything else (a stranger, a new identity, two profiles, an erased one) is for the careful path.
     */
    private Optional<Known> known(WorkspaceId workspace, Collection<Identity> identities) {
        if (identities.size() == 1) {
            return known(workspace, identities.iterator().next());
        }
        var hashes = identities.stream().map(ErasedIdentities::hash).toList();
        var rows = jdbc.sql("""
                select i.customer_id, c.last_seen_at,
                       c.merged_into is null and c.erased_at is null
                       and not exists (select 1 from erased_identity e
                                       where e.workspace_id = ? and e.kind = k.kind and e.value_sha256 = k.hash) as usable
                from unnest(?::text[], ?::text[], ?::text[]) as k(kind, value, hash)
                left join customer_identity i on i.workspace_id = ? and i.kind = k.kind and i.value = k.value
                left join customer c on c.workspace_id = i.workspace_id and c.id = i.customer_id""")
                .params(workspace.value(), identities.stream().map(i -> i.kind().name()).toArray(String[]::new),
                        identities.stream().map(Identity::value).toArray(String[]::new),
                        hashes.stream().map(h -> h.substring(h.indexOf(':') + 1)).toArray(String[]::new), workspace.value())
                .query((row, n) -> {
                    var id = row.getObject("customer_id", UUID.class);
                    var seen = row.getTimestamp("last_seen_at");
                    return id == null || !row.getBoolean("usable") ? null
                            : new Known(new CustomerId(id), seen == null ? null : seen.toInstant());
                }).list();
        if (rows.isEmpty() || rows.contains(null) || rows.stream().map(Known::customer).distinct().count() != 1) {
            return Optional.empty();
        }
        return Optional.of(rows.getFirst());
    }

    /**
     * The one-identity case (every inbound message) with plain parameters: PostgreSQL then settles on one
     * cached plan, where the array form above is planned afresh each time (planning cost it four times
     * what running it did).
     */
    private Optional<Known> known(WorkspaceId workspace, Identity identity) {
        var hash = ErasedIdentities.hash(identity);
        var rows = jdbc.sql("""
                select i.customer_id, c.last_seen_at,
                       c.merged_into is null and c.erased_at is null
                       and not exists (select 1 from erased_identity e
                                       where e.workspace_id = i.workspace_id and e.kind = i.kind and e.value_sha256 = ?) as usable
                from customer_identity i
                join customer c on c.workspace_id = i.workspace_id and c.id = i.customer_id
                where i.workspace_id = ? and i.kind = ? and i.value = ?""")
                .params(hash.substring(hash.indexOf(':') + 1), workspace.value(), identity.kind().name(), identity.value())
                .query((row, n) -> {
                    var seen = row.getTimestamp("last_seen_at");
                    return !row.getBoolean("usable") ? null
                            : new Known(new CustomerId(row.getObject("customer_id", UUID.class)), seen == null ? null : seen.toInstant());
                }).list();
        // no row: a stranger; a null row: the profile is merged or erased, or the identity is listed as erased
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    /** Another transaction may have claimed one of our identities first; then both profiles are one person. */
    private CustomerId settleRace(WorkspaceId workspace, CustomerId customer, Collection<Identity> identities) {
        var owners = owners(workspace, identities).values().stream().distinct().toList();
        if (owners.size() == 1 && owners.getFirst().equals(customer)) {
            return customer;
        }
        var all = new ArrayList<>(owners);
        if (!all.contains(customer)) {
            all.add(customer);
        }
        var survivor = merge(workspace, all, identities);
        attachMissing(workspace, survivor, identities, owners(workspace, identities).keySet());
        return survivor;
    }

    private void touchAll(WorkspaceId workspace, Map<CustomerId, Instant> seen) {
        if (seen.isEmpty()) {
            return;
        }
        var ids = seen.keySet().stream().map(CustomerId::value).toArray(UUID[]::new);
        var times = seen.values().stream().map(Timestamp::from).toArray(Timestamp[]::new);
        jdbc.sql("""
                update customer c set last_seen_at = greatest(coalesce(c.last_seen_at, s.at), s.at)
                from unnest(?::uuid[], ?::timestamptz[]) as s(id, at)
                where c.workspace_id = ? and c.id = s.id""")
                .params(ids, times, workspace.value()).update();
    }

    /** Whether any of these identities belonged to a customer whose data was erased. */
    public boolean erasedIdentities(WorkspaceId workspace, Collection<Identity> identities) {
        return !erasedHashes(workspace, identities).isEmpty();
    }

    private Map<String, CustomerId> owners(WorkspaceId workspace, Collection<Identity> identities) {
        var owners = new LinkedHashMap<String, CustomerId>();
        jdbc.sql("""
                select i.kind || ':' || i.value as key, i.customer_id from customer_identity i
                join unnest(?::text[], ?::text[]) as k(kind, value) on i.kind = k.kind and i.value = k.value
                where i.workspace_id = ?""")
                .params(identities.stream().map(i -> i.kind().name()).toArray(String[]::new),
                        identities.stream().map(Identity::value).toArray(String[]::new), workspace.value())
                .query(row -> {
                    owners.put(row.getString("key"), new CustomerId(row.getObject("customer_id", UUID.class)));
                });
        return owners;
    }

    private CustomerId create(WorkspaceId workspace, Collection<Identity> identities, Instant seenAt) {
        var id = CustomerId.random();
        var phone = identities.stream().filter(i -> i.kind() == IdentityKind.PHONE).findFirst();
        var email = identities.stream().filter(i -> i.kind() == IdentityKind.EMAIL).findFirst();
        jdbc.sql("""
                insert into customer (id, workspace_id, phone, phone_valid, email, created_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), workspace.value(), phone.map(Identity::value).orElse(null),
                        phone.map(Identity::valid).orElse(null), email.map(Identity::value).orElse(null),
                        Timestamp.from(seenAt), Timestamp.from(seenAt))
                .update();
        return id;
    }

    private void attachMissing(WorkspaceId workspace, CustomerId customer, Collection<Identity> identities,
                               Collection<String> known) {
        for (var identity : identities.stream().sorted(java.util.Comparator.comparing(Identity::toString)).toList()) {
            if (known.contains(identity.toString())) {
                continue;
            }
            jdbc.sql("""
                    insert into customer_identity (workspace_id, kind, value, customer_id, raw, valid)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(workspace.value(), identity.kind().name(), identity.value(), customer.value(),
                            identity.raw(), identity.valid())
                    .update();
            if (identity.kind() == IdentityKind.PHONE) {
                jdbc.sql("update customer set phone = ?, phone_valid = ? where workspace_id = ? and id = ? and (phone is null or (not phone_valid and ?))")
                        .params(identity.value(), identity.valid(), workspace.value(), customer.value(), identity.valid()).update();
            } else if (identity.kind() == IdentityKind.EMAIL) {
                jdbc.sql("update customer set email = ? where workspace_id = ? and id = ? and email is null")
                        .params(identity.value(), workspace.value(), customer.value()).update();
            }
        }
    }

    /** Folds every profile into the oldest one and records why. */
    private CustomerId merge(WorkspaceId workspace, List<CustomerId> profiles, Collection<Identity> identities) {
        var ordered = jdbc.sql("select id from customer where workspace_id = ? and id = any(?) order by created_at, id for update")
                .params(workspace.value(), profiles.stream().map(CustomerId::value).toArray(UUID[]::new))
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).list();
        var survivor = ordered.getFirst();
        var reason = identities.stream().map(Identity::toString).sorted().reduce((a, b) -> a + ", " + b).orElse("");
        for (var merged : ordered.subList(1, ordered.size())) {
            CustomerMerging.fold(jdbc, workspace, survivor, merged);
            jdbc.sql("insert into customer_merge (workspace_id, survivor_id, merged_id, reason) values (?, ?, ?, ?)")
                    .params(workspace.value(), survivor.value(), merged.value(), reason).update();
            events.publishEvent(new CustomersMerged(workspace, survivor, merged, reason));
        }
        return survivor;
    }

    private void touch(WorkspaceId workspace, CustomerId customer, Instant seenAt) {
        jdbc.sql("update customer set last_seen_at = greatest(coalesce(last_seen_at, ?), ?) where workspace_id = ? and id = ?")
                .params(Timestamp.from(seenAt), Timestamp.from(seenAt), workspace.value(), customer.value())
                .update();
    }

    /** Profiles merged into this one, newest first. */
    public List<Merge> merges(WorkspaceId workspace, CustomerId survivor) {
        return jdbc.sql("select merged_id, reason, merged_at from customer_merge where workspace_id = ? and survivor_id = ? order by merged_at desc")
                .params(workspace.value(), survivor.value())
                .query((row, n) -> new Merge(new CustomerId(row.getObject("merged_id", UUID.class)),
                        row.getString("reason"), row.getTimestamp("merged_at").toInstant()))
                .list();
    }

    public record Merge(CustomerId merged, String reason, Instant at) {
    }

    Customer map(ResultSet row, int n) throws SQLException {
        var zone = row.getString("time_zone");
        var gender = row.getString("gender");
        var birthday = row.getDate("birthday");
        var lastSeen = row.getTimestamp("last_seen_at");
        var erased = row.getTimestamp("erased_at");
        var phoneValid = row.getObject("phone_valid", Boolean.class);
        Map<String, Object> attributes = json.readValue(row.getString("attributes"), new TypeReference<>() {
        });
        return new Customer(new CustomerId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("name"),
                row.getString("phone"), phoneValid, row.getString("email"),
                birthday == null ? null : birthday.toLocalDate(),
                gender == null ? null : Customer.Gender.valueOf(gender), row.getString("city"),
                zone == null ? null : ZoneId.of(zone), attributes, row.getTimestamp("created_at").toInstant(),
                lastSeen == null ? null : lastSeen.toInstant(), erased == null ? null : erased.toInstant());
    }
}
