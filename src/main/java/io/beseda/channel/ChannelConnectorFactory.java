package io.beseda.channel;

/**
 * One bean per provider: makes the connector for an account. {@link #provider()} is a stable id stored
 * with each account (e.g. "sandbox", "smpp", "telegram").
 */
public interface ChannelConnectorFactory {

    String provider();

    ChannelConnector create(ChannelAccount account);
}
