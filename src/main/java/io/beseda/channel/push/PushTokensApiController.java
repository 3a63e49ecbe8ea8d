package io.beseda.channel.push;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Push tokens", description = "The shop's app registers a customer's device (an FCM registration token) for mobile push")
class PushTokensApiController {

    private final PushDevices devices;
    private final Customers customers;

    PushTokensApiController(PushDevices devices, Customers customers) {
        this.devices = devices;
        this.customers = customers;
    }

    record RegisterToken(@NotBlank @Size(max = 4096) @Pattern(regexp = "\\S+", message = "must have no spaces") String token,
                         @Nullable @Pattern(regexp = "ANDROID|IOS|WEB", message = "must be ANDROID, IOS or WEB") String platform) {
    }

    record PushToken(UUID id, UUID customerId, String platform, String tokenEnd, Instant createdAt) {

        static PushToken of(PushDevices.Device device) {
            var token = device.token();
            return new PushToken(device.id(), device.customer().value(), device.platform(),
                    "…" + token.substring(Math.max(0, token.length() - 8)), device.createdAt());
        }
    }

    @PostMapping("/api/v1/customers/{customerId}/push-tokens")
    @Operation(summary = "Register the customer's device for mobile push (the same token again moves it to this customer)")
    ResponseEntity<PushToken> register(Actor actor, @PathVariable UUID customerId, @Valid @RequestBody RegisterToken request) {
        var customer = customer(actor, customerId);
        var device = devices.register(actor.workspaceId(), customer, request.token(),
                request.platform() == null ? "ANDROID" : request.platform());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/push-tokens/" + device.id()))
                .body(PushToken.of(device));
    }

    @GetMapping("/api/v1/customers/{customerId}/push-tokens")
    @Operation(summary = "The customer's registered devices (the token's last characters only)")
    List<PushToken> list(Actor actor, @PathVariable UUID customerId) {
        return devices.of(actor.workspaceId(), customer(actor, customerId)).stream().map(PushToken::of).toList();
    }

    @DeleteMapping("/api/v1/customers/{customerId}/push-tokens/{pushTokenId}")
    @Operation(summary = "Forget a device (the customer signed out of the app)")
    ResponseEntity<Void> remove(Actor actor, @PathVariable UUID customerId, @PathVariable UUID pushTokenId) {
        var customer = customer(actor, customerId);
        var device = devices.find(actor.workspaceId(), pushTokenId).filter(d -> d.customer().equals(customer))
                .orElseThrow(() -> new NotFoundException("Push token", pushTokenId));
        devices.remove(actor.workspaceId(), device.id());
        return ResponseEntity.noContent().build();
    }

    private CustomerId customer(Actor actor, UUID customerId) {
        var id = new CustomerId(customerId);
        customers.find(actor.workspaceId(), id).orElseThrow(() -> new NotFoundException("Customer", customerId));
        return id;
    }
}
