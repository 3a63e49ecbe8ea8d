package io.beseda.channel.viber;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.shared.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Viber's callbacks for one bot, at the address Beseda registers with {@code set_webhook}. The signature is
 * checked with the account's token on the raw body before anything is read; an unknown account and a wrong
 * signature get the same 401. A 200 means what the event brought is committed; Viber redelivers otherwise.
 */
@RestController
class ViberWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ViberWebhookController.class);

    private final ChannelAccounts accounts;
    private final ViberInbound inbound;
    private final ViberSubscriptions subscriptions;
    private final ViberFailures failures;
    private final Receipts receipts;
    private final JsonMapper json;
    private final Clock clock;

    ViberWebhookController(ChannelAccounts accounts, ViberInbound inbound, ViberSubscriptions subscriptions,
                           ViberFailures failures, Receipts receipts, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.subscriptions = subscriptions;
        this.failures = failures;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/webhooks/" + ViberConnectorFactory.PROVIDER + "/{accountId}")
    ResponseEntity<?> receive(@PathVariable UUID accountId,
                              @RequestHeader(name = ViberSignature.HEADER, required = false) @Nullable String signature,
                              @RequestBody(required = false) byte @Nullable [] body) {
        var account = accounts.forWebhook(accountId, ViberConnectorFactory.PROVIDER).orElse(null);
        var raw = body == null ? new byte[0] : body;
        if (account == null || !ViberSignature.matches(accounts.settings(account, ViberSettings.class).authToken(), raw, signature)) {
            return problem(HttpStatus.UNAUTHORIZED, "Signature refused", "The request is not signed with this bot's token");
        }
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed event", "The body is not JSON");
        }
        if (!event.isObject() || !event.path("event").isString()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed event", "A Viber callback names its event");
        }
        var at = event.path("timestamp").isNumber() ? Instant.ofEpochMilli(event.path("timestamp").asLong()) : clock.instant();
        var kind = event.path("event").asString();
        var answer = handle(account, kind, event, at);
        if (answer.getStatusCode().is2xxSuccessful() && !kind.equals("webhook")) {
            accounts.noteInbound(account.id(), clock.instant());
        }
        return answer;
    }

    private ResponseEntity<?> handle(ChannelAccount account, String kind, JsonNode event, Instant at) {
        return switch (kind) {
            case "webhook" -> ResponseEntity.ok().build();
            case "message" -> message(account, event, at);
            case "conversation_started" -> welcome(account, event);
            case "subscribed" -> userId(event.path("user").path("id")) instanceof String user
                    ? done(() -> subscriptions.subscribed(account, user, at)) : incomplete("subscribed needs user.id");
            case "unsubscribed" -> userId(event.path("user_id")) instanceof String user
                    ? done(() -> subscriptions.unsubscribed(account, user, at)) : incomplete("unsubscribed needs user_id");
            case "delivered" -> receipt(account, event, MessageStatus.DELIVERED);
            case "seen" -> receipt(account, event, MessageStatus.READ);
            case "failed" -> token(event) instanceof String token
                    ? done(() -> failures.failed(account, token, event.path("desc").asString(""))) : incomplete("failed needs message_token");
            default -> problem(HttpStatus.BAD_REQUEST, "Unknown event", "Beseda does not subscribe to '" + kind + "'");
        };
    }

    private ResponseEntity<?> message(ChannelAccount account, JsonNode event, Instant at) {
        var token = token(event);
        var sender = event.path("sender");
        var message = event.path("message");
        if (token == null || userId(sender.path("id")) == null || !message.isObject()) {
            return incomplete("A message needs message_token, sender.id and message");
        }
        try {
            inbound.receive(account, token, sender, message, at);
        } catch (ViberInbound.NotNow e) {
            log.warn("Viber message {} for account {} not taken in yet: {}", token, account.id(), e.getCause().toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again", e.getMessage());
        }
        return ResponseEntity.ok().build();
    }

    /**
     * Someone opened the bot's chat. They are not subscribed yet, so the bot may not write to them — except
     * with the answer to this very callback, which Viber shows as the bot's welcome.
     */
    private ResponseEntity<?> welcome(ChannelAccount account, JsonNode event) {
        var settings = accounts.settings(account, ViberSettings.class);
        if (event.path("subscribed").asBoolean(false) || settings.welcomeText() == null || settings.welcomeText().isBlank()) {
            return ResponseEntity.ok().build();
        }
        var message = new LinkedHashMap<String, Object>();
        message.put("sender", settings.sender());
        message.put("type", "text");
        message.put("text", settings.welcomeText());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(message));
    }

    private ResponseEntity<?> receipt(ChannelAccount account, JsonNode event, MessageStatus status) {
        var token = token(event);
        if (token == null) {
            return incomplete(event.path("event").asString() + " needs message_token");
        }
        receipts.record(account.workspaceId(), token, status);
        return ResponseEntity.ok().build();
    }

    /** Viber's message tokens are 64-bit numbers; kept as their decimal text, exactly as sent. */
    private static @Nullable String token(JsonNode event) {
        var token = event.path("message_token");
        return token.isIntegralNumber() || (token.isString() && !token.asString().isBlank()) ? token.asString() : null;
    }

    private static @Nullable String userId(JsonNode id) {
        return id.isString() && !id.asString().isBlank() ? id.asString() : null;
    }

    private static ResponseEntity<?> done(Runnable action) {
        action.run();
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<?> incomplete(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Incomplete event", detail);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, title, detail));
    }
}
