package io.beseda.channel.email;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Beseda talks to mail servers.
 *
 * @param pollInterval  how often a reader looks into a folder whose server has no IDLE, and how soon it tries again
 *                      after the server dropped it
 * @param idleRenewal   how long one IDLE lasts before the reader renews it (servers drop an IDLE after about 30 minutes)
 * @param readersCheck  how often the readers are matched to the enabled accounts (a disabled account's reader stops)
 * @param timeout       how long connecting and one server command may take
 * @param readers       whether this node reads mailboxes at all
 */
@ConfigurationProperties("beseda.channel.email")
record EmailProperties(@Nullable Duration pollInterval, @Nullable Duration idleRenewal, @Nullable Duration readersCheck,
                       @Nullable Duration timeout, @Nullable Boolean readers) {

    EmailProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        idleRenewal = idleRenewal == null ? Duration.ofMinutes(9) : idleRenewal;
        readersCheck = readersCheck == null ? Duration.ofSeconds(30) : readersCheck;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        readers = readers == null || readers;
    }
}
