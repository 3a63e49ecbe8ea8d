package io.beseda.consent.request;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Data subject requests", description = "152-FZ: export, stop processing, erasure, with deadlines")
class DataRequestsApiController {

    private final DataRequests requests;

    DataRequestsApiController(DataRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/customers/{customerId}/data-requests")
    @Operation(summary = "Open a request; its statutory deadline is computed from now")
    ResponseEntity<DataRequest> open(Actor actor, @PathVariable UUID customerId, @Valid @RequestBody OpenRequest request) {
        var opened = requests.open(actor, new CustomerId(customerId), request.kind(),
                request.requestedVia() == null ? "api" : request.requestedVia(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/data-requests/" + opened.id())).body(opened);
    }

    @GetMapping("/api/v1/data-requests")
    @Operation(summary = "Requests, open ones first by deadline")
    List<DataRequest> list(Actor actor, @RequestParam(defaultValue = "false") boolean open) {
        return requests.list(actor.workspaceId(), open);
    }

    @GetMapping("/api/v1/data-requests/{requestId}")
    @Operation(summary = "One request")
    DataRequest get(Actor actor, @PathVariable UUID requestId) {
        return requests.get(actor.workspaceId(), requestId);
    }

    @PostMapping("/api/v1/data-requests/{requestId}/complete")
    @Operation(summary = "Carry the request out; an export returns the document for the customer")
    DataRequests.Completion complete(Actor actor, @PathVariable UUID requestId) {
        return requests.complete(actor, requestId);
    }

    @PostMapping("/api/v1/data-requests/{requestId}/reject")
    @Operation(summary = "Refuse the request, with the reason")
    DataRequest reject(Actor actor, @PathVariable UUID requestId, @Valid @RequestBody Rejection rejection) {
        return requests.reject(actor, requestId, rejection.reason());
    }

    @GetMapping("/api/v1/customers/{customerId}/export")
    @Operation(summary = "Everything kept about the customer, as JSON")
    Map<String, Object> export(Actor actor, @PathVariable UUID customerId) {
        return requests.export(actor.workspaceId(), new CustomerId(customerId));
    }

    record OpenRequest(@NotNull DataRequest.Kind kind, @Nullable @Size(max = 100) String requestedVia,
                       @Nullable @Size(max = 1000) String note) {
    }

    record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }
}
