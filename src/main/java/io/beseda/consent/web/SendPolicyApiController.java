package io.beseda.consent.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.SendRequest;
import io.beseda.consent.web.ConsentViews.DecisionView;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/send-policy")
@Tag(name = "Send policy", description = "Frequency caps, quiet hours, forbidden channels, and dry runs of the decision")
class SendPolicyApiController {

    private final SendPolicy policy;

    SendPolicyApiController(SendPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    @Operation(summary = "The workspace's send policy")
    PolicyForm get(Actor actor) {
        return PolicyForm.of(policy.settings(actor.workspaceId()));
    }

    @PutMapping
    @Operation(summary = "Replace the send policy", description = "Caps are ≥ 0 (0 stops marketing in that scope); "
            + "quiet hours are HH:mm in each customer's own time zone and may cross midnight. The change is audited.")
    PolicyForm update(Actor actor, @Valid @RequestBody PolicyForm request) {
        return PolicyForm.of(policy.update(actor, request.settings()));
    }

    @PostMapping("/check")
    @Operation(summary = "Dry run: would this message be sent, deferred or refused, and why?",
            description = "Nothing is sent; the decision is stored as a dry run. 'at' defaults to now.")
    DecisionView check(Actor actor, @Valid @RequestBody Check request) {
        var send = new SendRequest(new CustomerId(request.customerId()), request.channel(), request.category(), request.at(),
                Boolean.TRUE.equals(request.template()), request.address(), null);
        return DecisionView.of(policy.check(actor.workspaceId(), send, actor.name()));
    }

    record Check(@NotNull UUID customerId, @NotNull Channel channel, @NotNull MessageCategory category,
                 @Nullable Instant at, @Nullable Boolean template, @Nullable @Size(max = 320) String address) {
    }
}
