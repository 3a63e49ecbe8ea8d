package io.beseda.consent.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.consent.Suppressions;
import io.beseda.customer.CustomerErasure;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens data subject requests with their deadlines and carries them out: an export gives the customer
 * everything kept about them; stopping processing suppresses every message and records the withdrawal
 * of consent; an erasure anonymises the customer everywhere and keeps a record of what was removed.
 */
@Service
public class DataRequests {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final CustomerErasure erasure;
    private final CustomerDataExport exports;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Consents consents;
    private final Suppressions suppressions;

    DataRequests(JdbcClient jdbc, Customers customers, CustomerErasure erasure, CustomerDataExport exports,
                 Workspaces workspaces, AuditLog audit, JsonMapper json, Clock clock, Consents consents,
                 Suppressions suppressions) {
        this.consents = consents;
        this.suppressions = suppressions;
        this.jdbc = jdbc;
        this.customers = customers;
        this.erasure = erasure;
        this.exports = exports;
        this.workspaces = workspaces;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public DataRequest open(Actor actor, CustomerId customerId, DataRequest.Kind kind, String requestedVia,
                            @Nullable String note) {
        var customer = customers.get(actor.workspaceId(), customerId);
        if (customer.erased()) {
            throw new RuleViolationException("data-request.erased", "This customer's data has already been erased");
        }
        var received = clock.instant();
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into data_request (id, workspace_id, customer_id, kind, status, received_at, due_at, requested_via, note)
                values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
                .params(id, actor.workspaceId().value(), customer.id().value(), kind.name(), Timestamp.from(received),
                        Timestamp.from(due(actor.workspaceId(), kind, received)), requestedVia, note)
                .update();
        audit.record(actor, "data-request.opened", customer.id().toString(), Map.of("kind", kind.name(), "request", id.toString()));
        return get(actor.workspaceId(), id);
    }

    public List<DataRequest> list(WorkspaceId workspace, boolean openOnly) {
        return jdbc.sql("select * from data_request where workspace_id = ? and (not ? or status = 'OPEN') order by status = 'OPEN' desc, due_at")
                .params(workspace.value(), openOnly).query(this::map).list();
    }

    public List<DataRequest> of(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select * from data_request where workspace_id = ? and customer_id = ? order by received_at desc")
                .params(workspace.value(), customer.value()).query(this::map).list();
    }

    public DataRequest get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from data_request where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::map).optional().orElseThrow(() -> new NotFoundException("Data request", id));
    }

    /** Everything kept about the customer, as the export request delivers it. */
    public Map<String, Object> export(WorkspaceId workspace, CustomerId customer) {
        return exports.export(workspace, customer);
    }

    /** Carries the request out. For an export the returned document is what the customer is given. */
    @Transactional
    public Completion complete(Actor actor, UUID requestId) {
        var request = get(actor.workspaceId(), requestId);
        if (request.status() != DataRequest.Status.OPEN) {
            throw new RuleViolationException("data-request.closed", "This request has already been handled");
        }
        Map<String, Object> document = null;
        Map<String, Object> result = new LinkedHashMap<>();
        switch (request.kind()) {
            case EXPORT -> {
                document = exports.export(actor.workspaceId(), request.customer());
                result.put("sections", document.keySet());
            }
            case STOP_PROCESSING -> result.putAll(stopProcessing(actor, request.customer()));
            case ERASURE -> result.putAll(erase(actor, request.customer()));
        }
        close(actor, request, DataRequest.Status.DONE, result);
        return new Completion(get(actor.workspaceId(), requestId), document);
    }

    @Transactional
    public DataRequest reject(Actor actor, UUID requestId, String reason) {
        var request = get(actor.workspaceId(), requestId);
        if (request.status() != DataRequest.Status.OPEN) {
            throw new RuleViolationException("data-request.closed", "This request has already been handled");
        }
        close(actor, request, DataRequest.Status.REJECTED, Map.of("reason", reason));
        return get(actor.workspaceId(), requestId);
    }

    public record Completion(DataRequest request, @Nullable Map<String, Object> export) {
    }

    private Map<String, Object> stopProcessing(Actor actor, CustomerId customer) {
        for (var purpose : List.of(ConsentPurpose.MARKETING, ConsentPurpose.PD_PROCESSING)) {
            consents.record(actor, customer, new ConsentChange(purpose, null, null, false, null, ConsentSource.OPERATOR,
                    null, null, Map.of("basis", "stop processing demand")));
        }
        suppressions.add(actor, null, null, customer, "Требование прекратить обработку ПДн");
        audit.record(actor, "customer.processing-stopped", customer.toString(), Map.of());
        return Map.of("consentsWithdrawn", 2, "suppressed", true);
    }

    private Map<String, Object> erase(Actor actor, CustomerId customer) {
        var ws = actor.workspaceId().value();
        var removed = new LinkedHashMap<String, Object>(erasure.erase(actor.workspaceId(), customer));
        jdbc.sql("select set_config('beseda.erasure', 'on', true)").query().singleValue();
        removed.put("consentPersonalData", jdbc.sql("""
                update consent_record set address = null, ip = null, device = null, proof = '{}'::jsonb
                where workspace_id = ? and customer_id = ?""").params(ws, customer.value()).update());
        jdbc.sql("select set_config('beseda.erasure', '', true)").query().singleValue();
        removed.put("suppressionAddresses", jdbc.sql("update suppression set address = null where workspace_id = ? and customer_id = ? and address is not null")
                .params(ws, customer.value()).update());
        audit.record(actor, "customer.erased", customer.toString(), removed);
        return removed;
    }

    private void close(Actor actor, DataRequest request, DataRequest.Status status, Map<String, ?> result) {
        jdbc.sql("update data_request set status = ?, completed_at = ?, result = ?::jsonb, handled_by = ? where workspace_id = ? and id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), json.writeValueAsString(result), actor.name(),
                        actor.workspaceId().value(), request.id())
                .update();
        audit.record(actor, "data-request." + status.name().toLowerCase(), request.customer().toString(),
                Map.of("kind", request.kind().name(), "request", request.id().toString()));
    }

    private Instant due(WorkspaceId workspace, DataRequest.Kind kind, Instant received) {
        var zone = workspaces.find(workspace).map(w -> w.timeZone()).orElse(ZoneId.of("Europe/Moscow"));
        if (kind == DataRequest.Kind.ERASURE) {
            return received.plus(Duration.ofDays(30));
        }
        var day = WorkingDays.add(received.atZone(zone).toLocalDate(), 10);
        return day.atTime(23, 59, 59).atZone(zone).toInstant();
    }

    private DataRequest map(ResultSet row, int n) throws SQLException {
        var completed = row.getTimestamp("completed_at");
        return new DataRequest(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                DataRequest.Kind.valueOf(row.getString("kind")), DataRequest.Status.valueOf(row.getString("status")),
                row.getTimestamp("received_at").toInstant(), row.getTimestamp("due_at").toInstant(),
                completed == null ? null : completed.toInstant(), row.getString("requested_via"), row.getString("note"),
                row.getString("result"), row.getString("handled_by"));
    }
}
