package io.beseda.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.consent.policy.PolicyRequest;
import io.beseda.consent.policy.SendRules;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;
import io.beseda.workspace.WorkspaceId;

/**
 * Decides for every outgoing message whether it may go now, later or not at all, following the
 * workspace's policy (the rules and their order: {@link SendRules}), and stores every decision, dry
 * runs included, so the console can answer "why was this not sent?". The channel module tells it what
 * was sent ({@link #recordSent}) and when customers wrote ({@link #recordInbound}).
 */
@Service
public class SendPolicy {

    private static final int MAX_DECISIONS = 500;

    private final SendRules rules = new SendRules();
    private final PolicySnapshots snapshots;
    private final PolicySettingsStore settings;
    private final DecisionLog decisions;
    private final Customers customers;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final InboundActivity inboundActivity;
    private final Clock clock;

    SendPolicy(PolicySnapshots snapshots, PolicySettingsStore settings, DecisionLog decisions, Customers customers,
               AuditLog audit, JdbcClient jdbc, InboundActivity inboundActivity, Clock clock) {
        this.inboundActivity = inboundActivity;
        this.snapshots = snapshots;
        this.settings = settings;
        this.decisions = decisions;
        this.customers = customers;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Decides on a message about to be sent, and stores the decision. */
    @Transactional
    public SendDecision decide(WorkspaceId workspace, SendRequest request, String decidedBy) {
        return decide(workspace, request, decidedBy, false).decision();
    }

    /** Decides as {@link #decide} would, without sending anything: the decision is stored as a dry run. */
    @Transactional
    public RecordedDecision check(WorkspaceId workspace, SendRequest request, String decidedBy) {
        return decide(workspace, request, decidedBy, true);
    }

    private RecordedDecision decide(WorkspaceId workspace, SendRequest request, String decidedBy, boolean dryRun) {
        var customer = customers.get(workspace, request.customer());
        var now = clock.instant();
        var at = request.at() == null ? now : request.at();
        var snapshot = snapshots.load(workspace, customer, request.channel(), request.address(), at);
        var decision = rules.decide(new PolicyRequest(request.channel(), request.category(), at, request.template()), snapshot);
        return decisions.record(workspace, customer.id(), request, now, at.equals(now) ? null : at, decision, dryRun, decidedBy);
    }

    /**
     * Until when free text may go to the customer on WhatsApp: 24 hours after they last wrote there. Empty when
     * they never wrote or that window has closed, so only approved templates may go. Decides and stores nothing
     * (the composer asks it to offer templates instead of free text).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> whatsAppWindowOpenUntil(WorkspaceId workspace, CustomerId customer) {
        var end = SendRules.whatsAppWindowEnd(snapshots.lastInbound(workspace, customers.get(workspace, customer), Channel.WHATSAPP));
        return end != null && end.isAfter(clock.instant()) ? java.util.Optional.of(end) : java.util.Optional.empty();
    }

    /** The customer's latest decisions, newest first. */
    public List<RecordedDecision> decisions(WorkspaceId workspace, CustomerId customer, int limit) {
        var id = customers.get(workspace, customer).id();
        return decisions.list(workspace, id, Math.clamp(limit, 1, MAX_DECISIONS));
    }

    /** A marketing message went out: the frequency caps count it from {@code sentAt}. */
    @Transactional
    public void recordSent(WorkspaceId workspace, CustomerId customer, Channel channel, Instant sentAt,
                           @Nullable String messageRef) {
        var id = customers.get(workspace, customer).id();
        jdbc.sql("insert into marketing_send (workspace_id, customer_id, channel, sent_at, message_ref) values (?, ?, ?, ?, ?)")
                .params(workspace.value(), id.value(), channel.name(), Timestamp.from(sentAt), messageRef).update();
    }

    /**
     * The customer wrote in a channel at {@code at}: it opens WhatsApp's 24-hour window. Older news is ignored,
     * and so is news less than a minute newer than what is kept ({@link InboundActivity}).
     */
    @Transactional
    public void recordInbound(WorkspaceId workspace, CustomerId customer, Channel channel, Instant at) {
        inboundActivity.record(workspace, customer, channel, at);
    }

    @Transactional
    public SendPolicySettings settings(WorkspaceId workspace) {
        return settings.load(workspace);
    }

    @Transactional
    public SendPolicySettings update(Actor actor, SendPolicySettings changed) {
        var workspace = actor.workspaceId();
        var before = settings.load(workspace);
        settings.save(workspace, changed, clock.instant(), actor.name());
        audit.record(actor, "send-policy.updated", "send-policy", Map.of("before", before, "after", changed));
        return settings.load(workspace);
    }
}
