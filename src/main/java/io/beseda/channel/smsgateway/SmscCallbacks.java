package io.beseda.channel.smsgateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.shared.Problems;

/**
 * SMSC.ru's calls to the client's handler: a delivery status of an SMS we sent ({@code id}, {@code phone},
 * {@code status}, {@code err}) or an SMS a customer sent to the account's number ({@code id}, {@code phone},
 * {@code mes}, {@code sent}), as form fields. The URL names the account and carries its secret ({@code token}),
 * checked in constant time before anything is read: SMSC.ru signs nothing an API-key account could check.
 */
@RestController
class SmscCallbacks {

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final SmsSends sends;
    private final Clock clock;

    SmscCallbacks(ChannelAccounts accounts, InboundMessages inbound, Receipts receipts, SmsSends sends, Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.sends = sends;
        this.clock = clock;
    }

    @PostMapping("/webhooks/smsc/{accountId}")
    ResponseEntity<?> receive(@PathVariable UUID accountId, @RequestParam MultiValueMap<String, String> fields) {
        var account = accounts.forWebhook(accountId, SmscConnectorFactory.PROVIDER).orElse(null);
        if (account == null || !knowsTheSecret(account, fields.getFirst("token"))) {
            // one answer for an unknown account and a wrong secret: the URL tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Secret refused", "The handler URL does not carry this account's secret");
        }
        var id = fields.getFirst("id");
        var phone = fields.getFirst("phone");
        if (id == null || id.isBlank() || phone == null || phone.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Incomplete callback", "A callback needs id and phone");
        }
        var from = Identity.phone(phone);
        if (!from.valid()) {
            return problem(HttpStatus.BAD_REQUEST, "Not a phone", "phone is not a phone number");
        }
        if (fields.containsKey("mes")) {
            return incoming(account, id.strip(), from, fields.getFirst("mes"), fields.getFirst("sent"));
        }
        if (fields.containsKey("status")) {
            return status(account, id.strip(), from, fields.getFirst("status"), fields.getFirst("err"));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unknown callback", "Neither a status (status) nor an incoming SMS (mes)");
    }

    private ResponseEntity<?> incoming(ChannelAccount account, String id, Identity from, @Nullable String text, @Nullable String sent) {
        var now = clock.instant();
        var payload = sends.answer(account, from.value(), text, now);
        accounts.noteInbound(account.id(), now);
        inbound.receive(account.workspaceId(), account.id(), new InboundMessage(Channel.SMS, id, from, null,
                text == null ? "" : text, List.of(), payload, sentAt(sent, now)));
        return ResponseEntity.ok("OK");
    }

    private ResponseEntity<?> status(ChannelAccount account, String id, Identity to, @Nullable String status, @Nullable String err) {
        int code;
        try {
            code = Integer.parseInt(String.valueOf(status).strip());
        } catch (NumberFormatException e) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown status", "status is not a number");
        }
        var providerId = SmscConnector.providerMessageId(id, to.value());
        var outcome = SmscStatuses.of(code, err);
        switch (outcome) {
            case SmscStatuses.Outcome.Reached reached -> receipts.record(account.workspaceId(), providerId, reached.status());
            case SmscStatuses.Outcome.NotDelivered failed -> receipts.failed(account.workspaceId(), providerId, failed.reason());
            case SmscStatuses.Outcome.OnItsWay ignored -> {
                // queued, handed to the operator, a link followed: nothing a Beseda status says
            }
        }
        return ResponseEntity.ok("OK");
    }

    private boolean knowsTheSecret(ChannelAccount account, @Nullable String token) {
        var expected = accounts.settings(account, SmscSettings.class).callbackToken();
        return token != null && !expected.isBlank()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** SMSC.ru's {@code sent} is a Unix time; Beseda's clock when it is missing or unreadable. */
    private static Instant sentAt(@Nullable String sent, Instant now) {
        try {
            return sent == null ? now : Instant.ofEpochSecond(Long.parseLong(sent.strip()));
        } catch (NumberFormatException e) {
            return now;
        }
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, title, detail));
    }
}
