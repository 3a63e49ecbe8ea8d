package io.beseda.channel;

/** Sends through one configured account. Must not throw for provider errors: it answers a {@link SendResult}. */
public interface ChannelConnector {

    SendResult send(Delivery delivery);
}
