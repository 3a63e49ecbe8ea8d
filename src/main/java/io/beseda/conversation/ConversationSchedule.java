package io.beseda.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 seconds (BESEDA_CONVERSATION_PASS_INTERVAL): overdue answers are marked as SLA breaches and
 * snoozed conversations whose time has come reopen. Tests switch it off and call the passes themselves.
 */
@Component
@ConditionalOnProperty(name = "beseda.conversation.scheduled-passes", havingValue = "true", matchIfMissing = true)
class ConversationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ConversationSchedule.class);

    private final SlaMonitor sla;
    private final SnoozeWakeUp snoozes;

    ConversationSchedule(SlaMonitor sla, SnoozeWakeUp snoozes) {
        this.sla = sla;
        this.snoozes = snoozes;
    }

    @Scheduled(fixedDelayString = "${beseda.conversation.pass-interval:30s}", initialDelayString = "${beseda.conversation.pass-interval:30s}")
    void run() {
        try {
            snoozes.pass();
            sla.pass();
        } catch (RuntimeException e) {
            log.error("The SLA and snooze pass failed; the next one tries again", e);
        }
    }
}
