package io.beseda.journey.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the journey timers run.
 *
 * @param timers          whether this node fires timers (off for command-line runs)
 * @param timerThreads    how many timers one node runs at once
 * @param pollingInterval how often a node looks for due timers; a timer fires at most this late (plus the work queued before it)
 * @param messageDeadline how long a journey's message may wait (quiet hours, a provider down) before it counts as not delivered
 * @param heartbeat       how often a node says it is alive while it runs timers; a timer whose node stopped
 *                        saying so for four heartbeats (a killed process) is run again by another node
 */
@ConfigurationProperties("beseda.journey")
public record JourneySettings(@DefaultValue("true") boolean timers, @DefaultValue("16") int timerThreads,
                              @DefaultValue("PT0.25S") Duration pollingInterval, @DefaultValue("P1D") Duration messageDeadline,
                              @DefaultValue("PT5S") Duration heartbeat) {
}
