package io.beseda.channel;

import java.net.URI;

/**
 * What a messenger's connector factory can do for the settings page besides sending: check the credentials
 * against the provider («Проверить подключение») and register Beseda's webhook with the provider where its
 * API allows it. Implemented by the factories of providers that have such calls.
 */
public interface ConnectionCheck {

    /** The answer of a check or a registration, in words for the shop's admin (Russian). */
    record Result(boolean ok, String message) {

        public static Result ok(String message) {
            return new Result(true, message);
        }

        public static Result failed(String message) {
            return new Result(false, message);
        }
    }

    /** Calls the provider with the account's credentials (e.g. Telegram's getMe) and says who it is or what is wrong. */
    Result test(ChannelAccount account);

    /**
     * Tells the provider to deliver to {@code webhook} (with the account's secret where the provider signs
     * with one); providers without such a call answer what the admin must paste where.
     */
    Result registerWebhook(ChannelAccount account, URI webhook);
}
