package io.beseda.conversation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.beseda.channel.OperatorTyping;
import io.beseda.conversation.Conversation;
import io.beseda.workspace.Actor;

/**
 * Announces {@link OperatorTyping} at most once per operator and conversation every few seconds, whatever
 * the page sends: a widget needs to hear it now and then, not on every key. The memory is bounded.
 */
@Component
class OperatorTypingThrottle {

    static final Duration EVERY = Duration.ofSeconds(3);
    private static final int REMEMBERED = 10_000;

    private final Map<String, Instant> last = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperatorTypingThrottle(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void typing(Actor actor, Conversation conversation) {
        var now = clock.instant();
        var key = actor.id() + ":" + conversation.id();
        var previous = last.get(key);
        if (previous != null && previous.plus(EVERY).isAfter(now)) {
            return;
        }
        if (last.size() >= REMEMBERED) {
            last.clear();
        }
        last.put(key, now);
        events.publishEvent(new OperatorTyping(actor.workspaceId(), conversation.customer(), conversation.lastChannel()));
    }
}
