package io.beseda.channel.max;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
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
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.shared.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MAX's webhook for one bot account. MAX puts the secret given at subscription in {@code X-Max-Bot-Api-Secret};
 * it is compared (in constant time) before anything in the body is read. 200 means what the update brought is
 * committed; MAX counts anything else as a failed delivery and tries again for up to 8 hours (then drops the
 * subscription), so updates Beseda has no use for are answered 200 too, and only a file MAX's host would not
 * give is answered 503, to come again.
 */
@RestController
class MaxWebhookController {

    static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";

    private static final Logger log = LoggerFactory.getLogger(MaxWebhookController.class);

    private final ChannelAccounts accounts;
    private final MaxConnectorFactory factory;
    private final MaxInbound updates;
    private final InboundMessages inbound;
    private final JsonMapper json;
    private final Clock clock;

    MaxWebhookController(ChannelAccounts accounts, MaxConnectorFactory factory, MaxInbound updates, InboundMessages inbound,
                         JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.factory = factory;
        this.updates = updates;
        this.inbound = inbound;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/webhooks/max/{accountId}")
    ResponseEntity<?> receive(@PathVariable UUID accountId, @RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
                              @RequestBody(required = false) byte @Nullable [] body) {
        var account = accounts.forWebhook(accountId, MaxConnectorFactory.PROVIDER).orElse(null);
        if (account == null || !knowsSecret(account, secret)) {
            // one answer for an unknown account and a wrong secret: the URL tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Secret refused", "The request does not carry this account's " + SECRET_HEADER);
        }
        JsonNode update;
        try {
            update = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            update = null;
        }
        if (update == null || !update.isObject()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed update", "The body is not a MAX Update object");
        }
        try {
            return switch (update.path("update_type").asString("")) {
                case "message_created" -> {
                    var message = updates.message(account, update);
                    yield message.isPresent() ? take(account, message.get()) : ignored("a group chat, a channel or a bot");
                }
                case "message_callback" -> pressed(account, update);
                case "bot_started" -> take(account, updates.started(account, update));
                case "" -> problem(HttpStatus.BAD_REQUEST, "Malformed update", "The update has no update_type");
                default -> ignored(update.path("update_type").asString());
            };
        } catch (MaxInbound.Malformed e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed update", e.getMessage());
        } catch (MaxInbound.FileUnavailable e) {
            log.warn("MAX update for account {} left to come again: {}", account.id(), e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "File not fetched", "MAX's file host did not give the customer's file; deliver again");
        }
    }

    private ResponseEntity<?> take(ChannelAccount account, InboundMessage message) {
        inbound.receive(account.workspaceId(), account.id(), message);
        accounts.noteInbound(account.id(), clock.instant());
        return ResponseEntity.ok(Map.of("ok", true));
    }

    /** A button press is stored, then answered, so the customer's button stops waiting (best effort: the press is kept either way). */
    private ResponseEntity<?> pressed(ChannelAccount account, JsonNode update) {
        var message = updates.callback(account, update);
        var stored = inbound.receive(account.workspaceId(), account.id(), message);
        accounts.noteInbound(account.id(), clock.instant());
        if (stored.isPresent()) {
            try {
                factory.api(account).answer(message.providerMessageId(), message.text() != null ? message.text() : "Принято");
            } catch (MaxCallFailed e) {
                log.warn("MAX did not take the answer to button press {} of account {}: {}", message.providerMessageId(),
                        account.id(), e.getMessage());
            }
        }
        return ResponseEntity.ok(Map.of("ok", true));
    }

    private boolean knowsSecret(ChannelAccount account, @Nullable String secret) {
        var settings = factory.settings(account);
        if (!settings.hasWebhookSecret() || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(String.valueOf(settings.webhookSecret()).getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<?> ignored(String what) {
        return ResponseEntity.ok(Map.of("ok", true, "ignored", what));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, title, detail));
    }
}
