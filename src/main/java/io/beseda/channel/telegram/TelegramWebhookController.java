package io.beseda.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.channel.SentParts;
import io.beseda.shared.Problems;

/**
 * Where Telegram delivers a bot's updates ({@code setWebhook} points here). Telegram proves it is Telegram by the
 * {@code X-Telegram-Bot-Api-Secret-Token} header, the account's webhook secret, checked before the body is read.
 * 200 means the update is stored (Telegram redelivers anything else); a button press is answered in the same
 * response with {@code answerCallbackQuery}, which stops the button's spinner on the customer's phone.
 */
@RestController
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final UpdateReader reader;
    private final SentParts sentParts;
    private final Clock clock;

    TelegramWebhookController(ChannelAccounts accounts, InboundMessages inbound, Receipts receipts, UpdateReader reader,
                              SentParts sentParts, Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.reader = reader;
        this.sentParts = sentParts;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/" + TelegramConnectorFactory.PROVIDER + "/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable UUID accountId, @RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
                              @RequestBody byte[] body) {
        var account = accounts.forWebhook(accountId, TelegramConnectorFactory.PROVIDER).orElse(null);
        var settings = account == null ? null : accounts.settings(account, TelegramSettings.class);
        if (account == null || !sentBy(settings, secret)) {
            // one answer for an unknown account and a wrong secret: the URL tells a prober nothing
            return problem(HttpStatus.UNAUTHORIZED, "Secret token refused",
                    "The request does not carry this bot's webhook secret in " + SECRET_HEADER);
        }
        Update update;
        try {
            update = TelegramApi.JSON.readValue(body, Update.class);
        } catch (java.io.IOException | RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed update", "The body is not a Telegram update");
        }
        if (update == null || update.getUpdateId() == null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed update", "A Telegram update has an update_id");
        }
        accounts.noteInbound(account.id(), clock.instant());
        try {
            if (update.getMessage() != null) {
                var message = reader.message(account, settings.botToken(), update.getMessage());
                message.ifPresent(m -> inbound.receive(account.workspaceId(), account.id(), m));
            } else if (update.getCallbackQuery() != null) {
                reader.buttonPress(account, update.getCallbackQuery())
                        .ifPresent(m -> inbound.receive(account.workspaceId(), account.id(), m));
            }
        } catch (TelegramFiles.Unavailable e) {
            log.warn("A customer's file through {} could not be fetched; Telegram will deliver update {} again: {}", account,
                    update.getUpdateId(), e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "File unavailable", "The customer's file could not be fetched from Telegram");
        }
        UpdateReader.seenByCustomer(update.getMessage(), update.getCallbackQuery()).ifPresent(seen -> markRead(account, seen));
        if (update.getCallbackQuery() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer(update.getCallbackQuery().getId()));
        }
        return ResponseEntity.ok().build();
    }

    /** What the customer surely saw counts as read: the only read receipt Telegram gives. */
    private void markRead(ChannelAccount account, String seen) {
        receipts.record(account.workspaceId(), sentParts.messageOf(account.workspaceId(), seen).orElse(seen), MessageStatus.READ);
    }

    /** {@code {"method": "answerCallbackQuery", "callback_query_id": …}}: Telegram runs a method given as the webhook's answer. */
    private static String answer(String callbackQueryId) {
        try {
            return TelegramApi.JSON.writeValueAsString(new AnswerCallbackQuery(callbackQueryId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentBy(@Nullable TelegramSettings settings, @Nullable String secret) {
        if (settings == null || !settings.hasWebhookSecret() || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(settings.webhookSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, title, detail));
    }
}
