package io.beseda.consent.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.consent.Channel;
import io.beseda.consent.Suppressions;
import io.beseda.consent.web.ConsentViews.SuppressionView;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/suppressions")
@Tag(name = "Suppressions", description = "Customers and addresses that get neither service nor marketing messages")
class SuppressionsApiController {

    private final Suppressions suppressions;

    SuppressionsApiController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @GetMapping
    @Operation(summary = "The suppression list, newest first")
    List<SuppressionView> list(Actor actor) {
        return suppressions.list(actor.workspaceId()).stream().map(SuppressionView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Suppress an address, a customer, or both, in one channel or (no channel) in all",
            description = "Phones are matched in E.164 and e-mails whatever their case. Replies to the customer still go.")
    ResponseEntity<SuppressionView> add(Actor actor, @Valid @RequestBody AddSuppression request) {
        var suppression = suppressions.add(actor, request.channel(), request.address(),
                request.customerId() == null ? null : new CustomerId(request.customerId()), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/suppressions/" + suppression.id()))
                .body(SuppressionView.of(suppression));
    }

    @DeleteMapping("/{suppressionId}")
    @Operation(summary = "Lift a suppression")
    ResponseEntity<Void> remove(Actor actor, @PathVariable UUID suppressionId) {
        suppressions.remove(actor, suppressionId);
        return ResponseEntity.noContent().build();
    }

    record AddSuppression(@Nullable Channel channel, @Nullable @Size(max = 320) String address, @Nullable UUID customerId,
                          @NotBlank @Size(max = 500) String reason) {
    }
}
