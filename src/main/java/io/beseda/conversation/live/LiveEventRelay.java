package io.beseda.conversation.live;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.beseda.channel.CustomerTyping;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.conversation.ConversationChanged;
import io.beseda.conversation.MessageAppended;

/**
 * Hands committed events to the notifier. It waits for the commit through a transaction synchronization
 * rather than a {@code @TransactionalEventListener}: Spring Modulith records every transactional listener
 * in its publication registry (two more writes per event, and a second connection while the publisher
 * holds its own), which a best-effort screen refresh must not cost. A rolled-back event is never shown;
 * the publisher only pays for a queue offer.
 */
@Component
class LiveEventRelay {

    private final PgNotifier notifier;

    LiveEventRelay(PgNotifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(MessageAppended event) {
        afterCommit(LiveEvent.of(event));
    }

    @EventListener
    void on(ConversationChanged event) {
        afterCommit(LiveEvent.of(event));
    }

    @EventListener
    void on(MessageStatusChanged event) {
        afterCommit(LiveEvent.of(event));
    }

    @EventListener
    void on(CustomerTyping event) {
        afterCommit(LiveEvent.of(event));
    }

    private void afterCommit(LiveEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifier.publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifier.publish(event);
            }
        });
    }
}
