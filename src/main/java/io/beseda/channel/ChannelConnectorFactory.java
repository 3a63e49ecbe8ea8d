package io.beseda.channel;

/**
 * One bean per provider: makes the connector for an account. {@link #provider()} is a stable id stored
 * with each account (e.g. "sandbox", "smpp", "telegram").
 */
public interface ChannelConnectorFactory {

    String provider();

    /**
     * The typed settings record of an account with this provider; its {@link Secret} components are
     * stored encrypted, and an account whose settings do not bind to it (or fail its validation) is refused.
     */
    default Class<? extends Record> settingsType() {
        return NoSettings.class;
    }

    ChannelConnector create(ChannelAccount account);

    /**
     * How long one chat waits between two messages from the account (Telegram: about a second); the
     * dispatcher holds a message back rather than let the provider refuse it. Zero: no per-chat limit.
     */
    default java.time.Duration perChatInterval() {
        return java.time.Duration.ZERO;
    }

    /** The one channel this provider serves (Telegram's is TELEGRAM); null for one that serves any (the sandbox). */
    default io.beseda.consent.@org.jspecify.annotations.Nullable Channel channel() {
        return null;
    }

    /** Messages per second a new account may send, as the provider allows by default. */
    default int defaultRatePerSecond() {
        return 10;
    }
}
