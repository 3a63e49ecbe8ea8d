package io.beseda.channel.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.channel.WebhookSignatures;
import io.beseda.customer.Identity;
import io.beseda.shared.Problems;
import io.beseda.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox provider's webhook, built like a real provider's: the URL names the account, the body is
 * signed ({@code X-Sandbox-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the account's webhook
 * secret), a redelivery is stored once, and 200 means it is committed. Scripts and the conformance kit
 * use it to play a messenger.
 */
@RestController
class SandboxWebhookController {

    static final String SIGNATURE = "X-Sandbox-Signature";

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final Attachments attachments;
    private final JsonMapper json;
    private final Clock clock;

    SandboxWebhookController(ChannelAccounts accounts, InboundMessages inbound, Receipts receipts, Attachments attachments,
                             JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.attachments = attachments;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/sandbox/{accountId}", consumes = "application/json")
    ResponseEntity<?> receive(@PathVariable UUID accountId, @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature,
                              @RequestBody byte[] body) {
        var account = accounts.forWebhook(accountId, SandboxConnectorFactory.PROVIDER).orElse(null);
        if (account == null || !signedBy(account, body, signature)) {
            // one answer for an unknown account and a bad signature: the URL tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Signature refused", "The request is not signed with this account's webhook secret");
        }
        SandboxWebhook event;
        try {
            event = json.readValue(body, SandboxWebhook.class);
        } catch (RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed event", "The body is not a sandbox webhook event");
        }
        return switch (event.type()) {
            case "message" -> message(account, event);
            case "receipt" -> receipt(account, event);
            default -> problem(HttpStatus.BAD_REQUEST, "Unknown event", "type must be message or receipt");
        };
    }

    private ResponseEntity<?> message(ChannelAccount account, SandboxWebhook event) {
        if (event.id() == null || event.from() == null || event.from().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Incomplete message", "A message needs id and from");
        }
        var kind = io.beseda.channel.SenderKinds.kindOf(account.channel());
        List<Attachment> files = new ArrayList<>();
        try {
            for (var file : event.files() == null ? List.<SandboxWebhook.File>of() : event.files()) {
                files.add(attachments.store(account.workspaceId(), file.name(), Base64.getDecoder().decode(file.base64())));
            }
        } catch (RuleViolationException e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "File refused", e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed file", "files[].base64 is not base64");
        }
        accounts.noteInbound(account.id(), clock.instant());
        inbound.receive(account.workspaceId(), account.id(), new InboundMessage(account.channel(), event.id(),
                Identity.of(kind, event.from()), event.name(), event.text(), files, event.button(), event.location(),
                event.contact(), event.sentAt() == null ? clock.instant() : event.sentAt()));
        return ResponseEntity.ok(Map.of("ok", true));
    }

    private ResponseEntity<?> receipt(ChannelAccount account, SandboxWebhook event) {
        MessageStatus status;
        try {
            status = MessageStatus.valueOf(String.valueOf(event.status()));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown status", "status must be DELIVERED or READ");
        }
        if (event.messageId() == null || (status != MessageStatus.DELIVERED && status != MessageStatus.READ)) {
            return problem(HttpStatus.BAD_REQUEST, "Incomplete receipt", "A receipt needs messageId and status DELIVERED or READ");
        }
        receipts.record(account.workspaceId(), event.messageId(), status);
        return ResponseEntity.ok(Map.of("ok", true));
    }

    private boolean signedBy(ChannelAccount account, byte[] body, @Nullable String signature) {
        var secret = accounts.settings(account, SandboxSettings.class).webhookSecret();
        if (secret == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        return WebhookSignatures.matchesHex(secret, body, signature.substring("sha256=".length()));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail));
    }
}
