package io.beseda.channel.push;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.customer.TrackerTokens;
import io.beseda.workspace.WorkspaceId;

/**
 * What the storefront tracker's {@code beseda.push.subscribe()} calls, authorised like the tracker by the
 * workspace's public tracker token: the VAPID public key to subscribe the browser with, and the subscription
 * to keep for the visitor's customer. Both answer 404 while the workspace has no enabled web push account.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.POST, RequestMethod.OPTIONS}, allowedHeaders = "Content-Type",
        allowCredentials = "false", maxAge = 86_400)
class PushTrackerController {

    private final TrackerTokens trackers;
    private final ChannelAccounts accounts;
    private final VapidKeys keys;
    private final PushSubscriptions subscriptions;
    private final Customers customers;
    private final WebPushProperties properties;
    private final Clock clock;

    PushTrackerController(TrackerTokens trackers, ChannelAccounts accounts, VapidKeys keys, PushSubscriptions subscriptions,
                          Customers customers, WebPushProperties properties, Clock clock) {
        this.trackers = trackers;
        this.accounts = accounts;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/t/{token}/push-key")
    ResponseEntity<?> key(@PathVariable String token) {
        var workspace = webPush(token);
        if (workspace == null) {
            return notConnected();
        }
        return ResponseEntity.ok(Map.of("publicKey", keys.publicKey(workspace)));
    }

    record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {
    }

    record Subscription(@NotBlank @Size(max = 2000) String endpoint, @Nullable Long expirationTime, @NotNull @Valid Keys keys) {
    }

    record Subscribe(@NotBlank @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be the tracker's visitor id") String visitorId,
                     @NotNull @Valid Subscription subscription) {
    }

    @PostMapping(path = "/t/{token}/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> subscribe(@PathVariable String token, @Valid @RequestBody Subscribe request) {
        var workspace = webPush(token);
        if (workspace == null) {
            return notConnected();
        }
        URI endpoint;
        try {
            endpoint = URI.create(request.subscription().endpoint());
        } catch (IllegalArgumentException e) {
            return invalid("subscription.endpoint", "is not an address");
        }
        if (!properties.admits(endpoint)) {
            return invalid("subscription.endpoint", "is not the https address of a known push service");
        }
        var p256dh = decoded(request.subscription().keys().p256dh());
        if (p256dh == null || p256dh.length != 65 || p256dh[0] != 4) {
            return invalid("subscription.keys.p256dh", "must be a P-256 public key, base64url of 65 bytes");
        }
        var auth = decoded(request.subscription().keys().auth());
        if (auth == null || auth.length != 16) {
            return invalid("subscription.keys.auth", "must be base64url of 16 bytes");
        }
        var customer = customers.resolve(workspace, List.of(Identity.of(IdentityKind.VISITOR, request.visitorId())), clock.instant());
        if (customer.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT,
                    "This visitor's data was erased on their request; nothing is stored."));
        }
        var id = subscriptions.save(workspace, customer.get(), endpoint.toString(), request.subscription().keys().p256dh(),
                request.subscription().keys().auth());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "customerId", customer.get().value()));
    }

    private @Nullable WorkspaceId webPush(String token) {
        var workspace = trackers.workspaceOf(token);
        if (workspace.isEmpty()) {
            return null;
        }
        return accounts.list(workspace.get()).stream()
                .anyMatch(a -> a.channel() == Channel.PUSH && WebPushConnectorFactory.PROVIDER.equals(a.provider())
                        && accounts.isEnabled(workspace.get(), a.id())) ? workspace.get() : null;
    }

    private static byte @Nullable [] decoded(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> notConnected() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                "No tracker has this token, or its workspace has not connected web push (Settings → Messengers)."));
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        var problem = problem(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
