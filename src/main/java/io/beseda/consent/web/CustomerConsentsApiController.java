package io.beseda.consent.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.web.ConsentViews.ConsentsView;
import io.beseda.consent.web.ConsentViews.DecisionView;
import io.beseda.consent.web.ConsentViews.ProofView;
import io.beseda.consent.web.ConsentViews.RecordView;
import io.beseda.consent.web.ConsentViews.StateView;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Consents", description = "A customer's consent ledger (append-only) and the send policy's decisions about them")
class CustomerConsentsApiController {

    private final Consents consents;
    private final SendPolicy policy;

    CustomerConsentsApiController(Consents consents, SendPolicy policy) {
        this.consents = consents;
        this.policy = policy;
    }

    @GetMapping("/consents")
    @Operation(summary = "Current state per purpose and channel, and every record, newest first")
    ConsentsView list(Actor actor, @PathVariable UUID customerId) {
        var customer = new CustomerId(customerId);
        var current = consents.current(actor.workspaceId(), customer).stream().map(StateView::of).toList();
        var history = consents.history(actor.workspaceId(), customer).stream().map(RecordView::of).toList();
        return new ConsentsView(customerId, current, history);
    }

    @PostMapping("/consents")
    @Operation(summary = "Record a grant or a withdrawal",
            description = "A grant names the registered text version the customer saw; marketing is granted per channel. "
                    + "A withdrawal without a channel refuses the purpose in every channel. Nothing is ever changed afterwards.")
    ResponseEntity<RecordView> record(Actor actor, @PathVariable UUID customerId, @Valid @RequestBody RecordConsent request) {
        var change = new ConsentChange(request.purpose(), request.channel(), request.address(), request.granted(),
                request.textVersion(), request.source(), request.ip(), request.device(),
                request.proof() == null ? Map.of() : request.proof());
        var record = consents.record(actor, new CustomerId(customerId), change);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + record.customerId() + "/consents"))
                .body(RecordView.of(record));
    }

    @GetMapping("/consents/export")
    @Operation(summary = "The whole history with the texts shown, as proof", description = "Each export is written to the audit log.")
    ProofView export(Actor actor, @PathVariable UUID customerId) {
        return ProofView.of(consents.export(actor, new CustomerId(customerId)));
    }

    @GetMapping("/send-decisions")
    @Operation(summary = "Why messages to this customer were sent, held back or refused, newest first")
    List<DecisionView> decisions(Actor actor, @PathVariable UUID customerId,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return policy.decisions(actor.workspaceId(), new CustomerId(customerId), limit).stream().map(DecisionView::of).toList();
    }

    record RecordConsent(@NotNull ConsentPurpose purpose, @Nullable Channel channel, @Nullable @Size(max = 320) String address,
                         @NotNull Boolean granted, @Nullable @Size(max = 100) String textVersion, @NotNull ConsentSource source,
                         @Nullable @Size(max = 100) String ip, @Nullable @Size(max = 500) String device,
                         @Nullable Map<String, Object> proof) {

        /** STOP words and unsubscribe links are recorded by Beseda itself, where they happen. */
        @AssertTrue(message = "STOP and UNSUBSCRIBE_LINK are recorded by Beseda itself; use IMPORT for refusals taken elsewhere")
        boolean isSourceOpenToCallers() {
            return source != ConsentSource.STOP && source != ConsentSource.UNSUBSCRIBE_LINK;
        }
    }
}
