package io.beseda.conversation.live;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.CustomerTyping;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.conversation.ConversationChanged;
import io.beseda.conversation.MessageAppended;
import io.beseda.shared.AfterCommit;

/**
 * Hands committed events to the notifier, through {@link AfterCommit} rather than a
 * {@code @TransactionalEventListener} (which Spring Modulith would record in its publication registry, a
 * cost a best-effort screen refresh must not carry). A rolled-back event is never shown; the publisher
 * only pays for a queue offer.
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
        AfterCommit.run(() -> notifier.publish(event));
    }
}
