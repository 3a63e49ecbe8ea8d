package io.beseda.consent;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;
import io.beseda.workspace.WorkspaceId;

/**
 * The consent ledger. Every grant and refusal is a new record (nothing is ever changed), with the exact
 * text shown, where it came from, when (the application's clock) and who recorded it; the latest record
 * per purpose and channel is the current state. Every change is also written to the audit log, and
 * the ledger's {@code recorded_by} is the acting person's or key's name. Customer ids from another
 * workspace are not found, as everywhere.
 */
@Service
public class Consents {

    private final ConsentLedger ledger;
    private final ConsentTexts texts;
    private final Customers customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consents(ConsentLedger ledger, ConsentTexts texts, Customers customers, AuditLog audit,
             ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.texts = texts;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a wording customers will be shown; a version, once registered, never changes. */
    @Transactional
    public ConsentText registerText(Actor actor, ConsentPurpose purpose, String version, String body) {
        var text = texts.add(actor.workspaceId(), purpose, version.strip(), body, clock.instant());
        audit.record(actor, "consent-text.registered", text.id().toString(),
                Map.of("purpose", purpose, "version", text.version(), "sha256", text.sha256()));
        return text;
    }

    public List<ConsentText> texts(WorkspaceId workspace) {
        return texts.list(workspace);
    }

    /** Appends a grant or a withdrawal. A grant must name a registered text of its purpose. */
    @Transactional
    public ConsentRecord record(Actor actor, CustomerId customer, ConsentChange change) {
        return append(actor, customers.get(actor.workspaceId(), customer), change);
    }

    /**
     * The customer said STOP (or followed an unsubscribe link): marketing in this channel ends at once.
     * Saying it again changes nothing; the refusal already in force is returned.
     */
    @Transactional
    public ConsentRecord stop(WorkspaceId workspace, CustomerId customer, Channel channel, @Nullable String address,
                              ConsentSource source) {
        return refuseMarketing(workspace, customer, ConsentChange.withdrawal(ConsentPurpose.MARKETING, channel, address, source));
    }

    /** Withdraws marketing in the refusal's channel unless a refusal is already in force, which is then returned. */
    @Transactional
    ConsentRecord refuseMarketing(WorkspaceId workspace, CustomerId customer, ConsentChange refusal) {
        var profile = customers.get(workspace, customer);
        var channel = Objects.requireNonNull(refusal.channel());
        var inForce = ledger.deciding(workspace, profile.id(), ConsentPurpose.MARKETING, channel);
        if (inForce != null && !inForce.granted()) {
            return inForce;
        }
        return append(Actor.system(workspace, "customer via " + refusal.source()), profile, refusal);
    }

    /** Every record of the customer, newest first. */
    public List<ConsentRecord> history(WorkspaceId workspace, CustomerId customer) {
        return ledger.history(workspace, customers.get(workspace, customer).id());
    }

    public List<ConsentState> current(WorkspaceId workspace, CustomerId customer) {
        return ledger.current(workspace, customers.get(workspace, customer).id());
    }

    public ConsentStatus status(WorkspaceId workspace, CustomerId customer, ConsentPurpose purpose, Channel channel) {
        var deciding = ledger.deciding(workspace, customers.get(workspace, customer).id(), purpose, channel);
        return deciding == null ? ConsentStatus.NONE : deciding.status();
    }

    /** The customer's history with the texts it points at, as proof; the export itself is audited. */
    @Transactional
    public ConsentProof export(Actor actor, CustomerId customer) {
        var workspace = actor.workspaceId();
        var id = customers.get(workspace, customer).id();
        var records = ledger.history(workspace, id);
        var shown = texts.list(workspace).stream()
                .filter(t -> records.stream().anyMatch(r -> t.purpose() == r.purpose() && t.version().equals(r.textVersion())))
                .toList();
        audit.record(actor, "consent.exported", id.toString(), Map.of("records", records.size()));
        return new ConsentProof(workspace, id, clock.instant(), actor.name(), ledger.current(workspace, id), records, shown);
    }

    private ConsentRecord append(Actor actor, Customer customer, ConsentChange change) {
        var workspace = actor.workspaceId();
        var text = text(workspace, change);
        if (change.granted() && customer.erased()) {
            throw new RuleViolationException("consent.customer-erased", "The customer's data was erased; no consent can be recorded for them");
        }
        if (change.granted() && change.purpose() == ConsentPurpose.MARKETING && change.channel() == null) {
            throw new RuleViolationException("consent.channel-required", "Marketing consent is given per channel: name the channel");
        }
        var record = ledger.append(workspace, customer.id(), change, text, Addresses.normalise(change.channel(), change.address()),
                clock.instant(), actor.name());
        audit.record(actor, change.granted() ? "consent.granted" : "consent.withdrawn", customer.id().toString(),
                details(record));
        events.publishEvent(change.granted()
                ? new ConsentGranted(workspace, customer.id(), change.purpose(), change.channel())
                : new ConsentWithdrawn(workspace, customer.id(), change.purpose(), change.channel(), change.source()));
        return record;
    }

    private @Nullable ConsentText text(WorkspaceId workspace, ConsentChange change) {
        var version = change.textVersion();
        if (version == null || version.isBlank()) {
            if (change.granted()) {
                throw new RuleViolationException("consent.text-required", "A grant must name the version of the text the customer agreed to");
            }
            return null;
        }
        return texts.find(workspace, change.purpose(), version.strip()).orElseThrow(() -> new RuleViolationException(
                "consent.text-unknown", "No " + change.purpose() + " text with version " + version + " is registered"));
    }

    /** What the audit log keeps: the facts of the change, not the customer's address. */
    private static Map<String, Object> details(ConsentRecord record) {
        var details = new LinkedHashMap<String, Object>();
        details.put("record", record.id());
        details.put("purpose", record.purpose());
        details.put("channel", record.channel() == null ? "ALL" : record.channel());
        details.put("granted", record.granted());
        details.put("source", record.source());
        if (record.textVersion() != null) {
            details.put("textVersion", record.textVersion());
        }
        return details;
    }
}
