package io.beseda.conversation.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the live stream on one node.
 *
 * @param heartbeat      how often an idle stream gets a comment, so proxies keep it and a gone browser is noticed
 * @param timeout        how long one stream lives; the browser reconnects by itself and re-reads what it shows
 * @param maxSubscribers open streams one node keeps at most
 * @param maxPerUser     open streams (tabs) per person; the oldest is closed beyond it
 * @param backlog        events waiting for one slow browser; beyond it the browser is told to re-read instead
 * @param outbox         events waiting to be announced to the other nodes; beyond it new ones are dropped
 */
@ConfigurationProperties("beseda.inbox.live")
record LiveSettings(@DefaultValue("20s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
                    @DefaultValue("5000") int maxSubscribers, @DefaultValue("8") int maxPerUser,
                    @DefaultValue("256") int backlog, @DefaultValue("10000") int outbox) {
}
