package io.beseda.customer.storefront;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.customer.CustomerActivityRecorded;
import io.beseda.customer.StorefrontEventsRecorded;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.workspace.WorkspaceId;

/**
 * Takes a parsed batch in one transaction: resolves who did each event (one lookup for the whole batch),
 * stores each event once (a replayed id changes nothing), updates the projections from the events that
 * are new, and announces which customers were active.
 */
@Service
public class StorefrontIngestion {

    private final Customers customers;
    private final JdbcTemplate jdbc;
    private final StorefrontProjections projections;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    private static final int MAX_ATTEMPTS = 4;

    StorefrontIngestion(Customers customers, JdbcTemplate jdbc, StorefrontProjections projections,
                        ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.projections = projections;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Stores the batch. Concurrent batches about the same shoppers can deadlock in PostgreSQL; the loser is
     * rolled back whole and simply tried again, which is safe because a batch is idempotent.
     */
    public IngestResult ingest(WorkspaceId workspace, StorefrontEventParser.Parsed batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> ingestOnce(workspace, batch));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private IngestResult ingestOnce(WorkspaceId workspace, StorefrontEventParser.Parsed batch) {
        var unique = new LinkedHashMap<String, StorefrontEvent>();
        int duplicates = 0;
        for (var event : batch.events()) {
            if (unique.putIfAbsent(event.id(), event) != null) {
                duplicates++;
            }
        }
        var owners = resolve(workspace, unique.values());
        var stored = new ArrayList<Owned>();
        int ignored = 0;
        for (var event : unique.values()) {
            var owner = owners.get(event.identityKey());
            if (owner.isEmpty()) {
                ignored++;
            } else {
                stored.add(new Owned(event, owner.get()));
            }
        }
        var fresh = insert(workspace, stored);
        duplicates += stored.size() - fresh.size();
        projections.apply(workspace, fresh);
        var active = fresh.stream().map(Owned::customer).distinct().toList();
        if (!active.isEmpty()) {
            events.publishEvent(new CustomerActivityRecorded(workspace, active));
            events.publishEvent(new StorefrontEventsRecorded(workspace, fresh.stream().map(StorefrontIngestion::recorded).toList()));
        }
        return new IngestResult(fresh.size(), duplicates, ignored, batch.rejected());
    }

    private static StorefrontEventsRecorded.Recorded recorded(Owned owned) {
        var properties = new java.util.LinkedHashMap<String, String>();
        for (var field : owned.event().properties().properties()) {
            var value = field.getValue();
            if (properties.size() < 20 && (value.isString() || value.isNumber() || value.isBoolean())) {
                var text = value.asString();
                properties.put(field.getKey(), text.length() > 200 ? text.substring(0, 200) : text);
            }
        }
        return new StorefrontEventsRecorded.Recorded(owned.customer(), owned.event().id(), owned.event().type(),
                owned.event().occurredAt(), properties);
    }

    /** An event with the profile it belongs to. */
    record Owned(StorefrontEvent event, CustomerId customer) {
    }

    private Map<String, Optional<CustomerId>> resolve(WorkspaceId workspace, Iterable<StorefrontEvent> events) {
        // Sorted, so concurrent batches take their locks in the same order.
        var sets = new TreeMap<String, List<Identity>>();
        var seen = new TreeMap<String, Instant>();
        for (var event : events) {
            sets.putIfAbsent(event.identityKey(), event.identities());
            seen.merge(event.identityKey(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return customers.resolveAll(workspace, sets, seen);
    }

    /** Inserts what is not stored yet and returns exactly those events. */
    private List<Owned> insert(WorkspaceId workspace, List<Owned> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        var ids = events.stream().map(o -> o.event().id()).toArray(String[]::new);
        var existing = new HashSet<>(jdbc.queryForList(
                "select event_id from storefront_event where workspace_id = ? and event_id = any(?)",
                String.class, workspace.value(), ids));
        var fresh = events.stream().filter(o -> !existing.contains(o.event().id()))
                .sorted(Comparator.comparing((Owned o) -> o.event().id())).toList();
        var rows = fresh.stream().map(o -> new Object[] {workspace.value(), o.event().id(), o.customer().value(),
                o.event().type(), o.event().custom(), Timestamp.from(o.event().occurredAt()),
                o.event().properties().toString()}).toList();
        var inserted = jdbc.batchUpdate("""
                insert into storefront_event (workspace_id, event_id, customer_id, type, custom, occurred_at, properties)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing""", rows);
        // A concurrent batch may have stored some in the meantime: those report 0 and are not ours to project.
        // (With rewritten batches the driver reports -2, "no info", for every row; then the check above decides.)
        var ours = new ArrayList<Owned>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                ours.add(fresh.get(i));
            }
        }
        return ours;
    }
}
