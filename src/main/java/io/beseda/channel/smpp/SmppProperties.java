package io.beseda.channel.smpp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Beseda keeps its SMPP sessions.
 *
 * @param keepBound       bind every enabled SMPP account at start and keep it bound (customers' SMS and receipts
 *                        only arrive over a bound session); off, a session is bound on the first send
 * @param bindTimeout     how long connecting and binding may take
 * @param responseTimeout how long a submit_sm waits for its submit_sm_resp
 * @param enquireLink     how often an idle session is checked with enquire_link
 * @param reconnectMin    the first wait before binding again after the session dropped (doubling up to reconnectMax)
 * @param reconnectMax    the longest wait between two binding attempts
 */
@ConfigurationProperties("beseda.channel.smpp")
record SmppProperties(@Nullable Boolean keepBound, @Nullable Duration bindTimeout, @Nullable Duration responseTimeout,
                      @Nullable Duration enquireLink, @Nullable Duration reconnectMin, @Nullable Duration reconnectMax) {

    SmppProperties {
        keepBound = keepBound == null || keepBound;
        bindTimeout = bindTimeout == null ? Duration.ofSeconds(10) : bindTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
        reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
        reconnectMax = reconnectMax == null ? Duration.ofMinutes(1) : reconnectMax;
    }
}
