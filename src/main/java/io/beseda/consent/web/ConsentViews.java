package io.beseda.consent.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentProof;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentRecord;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.ConsentState;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.ConsentText;
import io.beseda.consent.DecisionReason;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.RecordedDecision;
import io.beseda.consent.SendDecision;
import io.beseda.consent.Suppression;

/** Consent's values as the API shows them: ids as plain strings, nothing nested that a client must unwrap. */
final class ConsentViews {

    private ConsentViews() {
    }

    record RecordView(UUID id, UUID customerId, ConsentPurpose purpose, @Nullable Channel channel, @Nullable String address,
                      boolean granted, @Nullable String textVersion, @Nullable String textSha256, ConsentSource source,
                      Instant recordedAt, @Nullable String ip, @Nullable String device, Map<String, Object> proof,
                      String recordedBy) {
        static RecordView of(ConsentRecord r) {
            return new RecordView(r.id(), r.customerId().value(), r.purpose(), r.channel(), r.address(), r.granted(),
                    r.textVersion(), r.textSha256(), r.source(), r.recordedAt(), r.ip(), r.device(), r.proof(), r.recordedBy());
        }
    }

    record StateView(ConsentPurpose purpose, @Nullable Channel channel, ConsentStatus status, Instant since,
                     ConsentSource source) {
        static StateView of(ConsentState s) {
            return new StateView(s.purpose(), s.channel(), s.status(), s.since(), s.source());
        }
    }

    record ConsentsView(UUID customerId, List<StateView> current, List<RecordView> history) {
    }

    record TextView(UUID id, ConsentPurpose purpose, String version, String body, String sha256, Instant createdAt) {
        static TextView of(ConsentText t) {
            return new TextView(t.id(), t.purpose(), t.version(), t.body(), t.sha256(), t.createdAt());
        }
    }

    record ProofView(UUID workspaceId, UUID customerId, Instant exportedAt, String exportedBy, List<StateView> current,
                     List<RecordView> records, List<TextView> texts) {
        static ProofView of(ConsentProof p) {
            return new ProofView(p.workspaceId().value(), p.customerId().value(), p.exportedAt(), p.exportedBy(),
                    p.current().stream().map(StateView::of).toList(), p.records().stream().map(RecordView::of).toList(),
                    p.texts().stream().map(TextView::of).toList());
        }
    }

    record DecisionView(UUID id, UUID customerId, Channel channel, MessageCategory category, Instant decidedAt,
                        @Nullable Instant decidedFor, SendDecision.Outcome outcome, @Nullable Instant deferUntil,
                        DecisionReason reason, String detail, boolean dryRun, @Nullable String messageRef, String decidedBy) {
        static DecisionView of(RecordedDecision d) {
            return new DecisionView(d.id(), d.customerId().value(), d.channel(), d.category(), d.decidedAt(), d.decidedFor(),
                    d.decision().outcome(), d.decision().deferUntil(), d.decision().reason(), d.decision().detail(),
                    d.dryRun(), d.messageRef(), d.decidedBy());
        }
    }

    record SuppressionView(UUID id, @Nullable Channel channel, @Nullable String address, @Nullable UUID customerId,
                           String reason, Instant createdAt, String createdBy) {
        static SuppressionView of(Suppression s) {
            return new SuppressionView(s.id(), s.channel(), s.address(), s.customerId() == null ? null : s.customerId().value(),
                    s.reason(), s.createdAt(), s.createdBy());
        }
    }
}
