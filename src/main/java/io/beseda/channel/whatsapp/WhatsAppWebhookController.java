package io.beseda.channel.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.Attachment;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.channel.SenderKinds;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.shared.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook for one WhatsApp number, {@code /webhooks/whatsapp/{accountId}}. GET answers Meta's check of the
 * address (the verify token must match); POST must carry the app secret's signature, checked on the raw body
 * before anything is read. Messages are stored once each (Meta redelivers until it gets a 200), statuses move
 * the sent messages forward, and 200 comes only after both are committed.
 */
@RestController
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final CustomerFiles files;
    private final TemplateSync templates;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Clock clock;

    WhatsAppWebhookController(ChannelAccounts accounts, InboundMessages inbound, Receipts receipts, CustomerFiles files,
                              TemplateSync templates, JsonMapper json, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.files = files;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    /** Meta checks the address: {@code hub.mode=subscribe}, the shop's verify token, and a challenge to echo. */
    @GetMapping(path = "/webhooks/whatsapp/{accountId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@PathVariable UUID accountId, @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
                                  @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        var account = accounts.forWebhook(accountId, WhatsAppConnectorFactory.PROVIDER).orElse(null);
        if (account == null || !"subscribe".equals(mode) || challenge == null || !CHALLENGE.matcher(challenge).matches()
                || !Signatures.same(settings(account).verifyToken(), token)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("Verification refused");
        }
        return ResponseEntity.ok(challenge);
    }

    @PostMapping(path = "/webhooks/whatsapp/{accountId}")
    ResponseEntity<?> receive(@PathVariable UUID accountId,
                              @RequestHeader(name = Signatures.HEADER, required = false) @Nullable String signature,
                              @RequestBody(required = false) byte @Nullable [] body) {
        var account = accounts.forWebhook(accountId, WhatsAppConnectorFactory.PROVIDER).orElse(null);
        var raw = body == null ? new byte[0] : body;
        if (account == null || !Signatures.valid(settings(account).appSecret(), raw, signature)) {
            // one answer for an unknown account and a bad signature: the URL tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Signature refused",
                    "The request is not signed with this account's app secret (X-Hub-Signature-256)");
        }
        WebhookEvents events;
        try {
            events = WebhookEvents.read(json.readTree(raw), settings(account).phoneNumberId());
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed webhook", "The body is not JSON");
        } catch (WebhookEvents.Malformed e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed webhook", e.getMessage());
        }
        if (events.otherNumbers() > 0) {
            log.warn("{} change(s) for another phone number reached the webhook of {}; each number needs its own account",
                    events.otherNumbers(), account);
        }
        try {
            for (var message : events.messages()) {
                store(account, message);
            }
        } catch (IOException e) {
            log.warn("A customer's file could not be fetched from WhatsApp; Meta will deliver the webhook again", e);
            return problem(HttpStatus.BAD_GATEWAY, "File not fetched", "WhatsApp did not give a customer's file; deliver again later");
        }
        for (var status : events.statuses()) {
            if (status.status() == MessageStatus.FAILED) {
                receipts.failed(account.workspaceId(), status.messageId(), String.valueOf(status.reason()));
            } else {
                receipts.record(account.workspaceId(), status.messageId(), status.status());
            }
        }
        if (events.templatesChanged()) {
            templates.syncSoon(account);
        }
        return ResponseEntity.ok(Map.of("ok", true));
    }

    private void store(ChannelAccount account, WebhookEvents.Incoming message) throws IOException {
        List<Attachment> kept = new ArrayList<>();
        if (message.media() != null && !storedBefore(account, message.id())) {
            var file = files.fetch(account, message.media());
            if (file != null) {
                kept.add(file);
            }
        }
        inbound.receive(account.workspaceId(), account.id(), new InboundMessage(Channel.WHATSAPP, message.id(),
                Identity.of(SenderKinds.kindOf(Channel.WHATSAPP), message.from()), message.name(), message.text(), kept,
                message.buttonPayload(), message.location(), message.contact(), message.sentAt()));
        accounts.noteInbound(account.id(), clock.instant());
    }

    /** A redelivered photo is not fetched again only to be dropped with its message. */
    private boolean storedBefore(ChannelAccount account, String providerMessageId) {
        return jdbc.sql("select exists (select 1 from inbound_message where workspace_id = ? and channel = ? and provider_message_id = ?)")
                .params(account.workspaceId().value(), Channel.WHATSAPP.name(), providerMessageId).query(Boolean.class).single();
    }

    private WhatsAppSettings settings(ChannelAccount account) {
        return accounts.settings(account, WhatsAppSettings.class);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, title, detail));
    }
}
