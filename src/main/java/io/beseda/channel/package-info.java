/**
 * Channels: how a message reaches a customer. Whoever sends (operator, bot, journey, campaign) queues an
 * {@link io.beseda.channel.OutboundMessage}; the dispatcher asks the send policy, sends through the
 * account's connector under its rate limit, retries what failed for a while, and publishes every status.
 * Connectors plug in through {@link io.beseda.channel.ChannelConnectorFactory}.
 */
@NullMarked
package io.beseda.channel;

import org.jspecify.annotations.NullMarked;
