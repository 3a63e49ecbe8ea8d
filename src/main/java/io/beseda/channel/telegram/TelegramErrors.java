package io.beseda.channel.telegram;

import java.time.Duration;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import io.beseda.channel.SendResult;

/**
 * What a failed Bot API call means for the message. Telegram answers {@code {"ok": false, "error_code", "description",
 * "parameters": {"retry_after"}}}: 429 is flood control (try again after {@code retry_after} seconds), 401 a token
 * Telegram does not know, 403 a customer who blocked the bot or deleted the account, 400 a request that will never
 * work (a chat that does not exist, a bad button); 5xx, an answer that is not Telegram's JSON and a broken connection
 * are worth another try.
 */
final class TelegramErrors {

    private TelegramErrors() {
    }

    static SendResult of(TelegramApiException failure) {
        if (failure instanceof TelegramApiValidationException) {
            return new SendResult.Permanent("Telegram would refuse the message: " + failure.getMessage());
        }
        if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null && request.getErrorCode() > 0) {
            var code = request.getErrorCode();
            var description = "Telegram " + code + ": " + request.getApiResponse();
            if (code == 429) {
                var after = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
                return new SendResult.Transient(description, after == null ? null : Duration.ofSeconds(after));
            }
            if (code == 401) {
                return new SendResult.Permanent(description + " (the bot token is wrong or was revoked in @BotFather)");
            }
            if (code == 403) {
                return new SendResult.Permanent(description + " (the customer cannot be written to: the bot is blocked "
                        + "or the account is gone)");
            }
            if (code >= 500) {
                return new SendResult.Transient(description, null);
            }
            return new SendResult.Permanent(description);
        }
        // no Telegram answer: the connection broke, timed out, or something else answered (a proxy's 502 page)
        return new SendResult.Transient("Telegram did not answer: " + describe(failure), null);
    }

    static String describe(Throwable failure) {
        var cause = failure;
        var text = new StringBuilder(String.valueOf(failure.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
