package io.beseda.channel.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every second (BESEDA_CHANNEL_DISPATCH_INTERVAL), draining full batches back to back.
 * Tests switch it off and drive the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "beseda.channel.scheduled-dispatch", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;

    DispatchSchedule(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${beseda.channel.dispatch-interval:1s}")
    void dispatch() {
        try {
            while (dispatcher.dispatchDue() == Dispatcher.BATCH) {
                log.debug("A full batch went out; taking the next one at once");
            }
        } catch (RuntimeException e) {
            log.error("Dispatching outbound messages failed; the next pass tries again", e);
        }
    }
}
