package io.beseda.conversation.live;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streams open on this node, by workspace. An event reaches only the streams of its own workspace;
 * the JSON is parsed once per event and written as is, whatever the number of streams. Bounded: streams
 * per node and per person, and events waiting per stream.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final Map<UUID, Set<Subscriber>> byWorkspace = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LiveSettings settings;
    private final JsonMapper json;
    private volatile boolean running;

    LiveHub(LiveSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** A new stream for this person, or null when the node has as many as it keeps. */
    SseEmitter subscribe(WorkspaceId workspace, UUID user) {
        if (open.incrementAndGet() > settings.maxSubscribers()) {
            open.decrementAndGet();
            throw new TooManyStreamsException();
        }
        var emitter = new SseEmitter(settings.timeout().toMillis());
        var subscriber = new Subscriber(workspace.value(), user, emitter, settings.backlog(), settings.heartbeat());
        var beyondLimit = new java.util.ArrayList<Subscriber>();
        byWorkspace.compute(workspace.value(), (w, streams) -> {
            var live = streams == null ? ConcurrentHashMap.<Subscriber>newKeySet() : streams;
            beyondLimit.addAll(oldestBeyondLimit(live, user));
            live.add(subscriber);
            return live;
        });
        // closed outside the map's lock: closing may end up removing them from this very map
        beyondLimit.forEach(Subscriber::close);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        subscriber.start(() -> remove(subscriber));
        return emitter;
    }

    /** A notification's payload, from this node or another: to every stream of its workspace. */
    void deliver(String payload) {
        LiveEvent event;
        try {
            event = json.readValue(payload, LiveEvent.class);
        } catch (RuntimeException e) {
            log.debug("Ignoring a notification that is not a live event: {}", payload);
            return;
        }
        var streams = byWorkspace.get(event.workspace());
        if (streams != null) {
            var frame = new Subscriber.Frame(event.kind(), payload);
            streams.forEach(s -> s.offer(frame));
        }
    }

    /** Notifications may have been missed: every page re-reads what it shows. */
    void resyncAll() {
        byWorkspace.values().forEach(streams -> streams.forEach(s -> s.offer(Subscriber.RESYNC)));
    }

    int open() {
        return open.get();
    }

    int open(WorkspaceId workspace) {
        var streams = byWorkspace.get(workspace.value());
        return streams == null ? 0 : streams.size();
    }

    private java.util.List<Subscriber> oldestBeyondLimit(Set<Subscriber> streams, UUID user) {
        var mine = streams.stream().filter(s -> s.user().equals(user)).sorted(Comparator.comparingLong(Subscriber::openedAt)).toList();
        return mine.subList(0, Math.max(0, mine.size() - settings.maxPerUser() + 1));
    }

    private void remove(Subscriber subscriber) {
        byWorkspace.computeIfPresent(subscriber.workspace(), (w, streams) -> {
            if (streams.remove(subscriber)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream first, so a graceful shutdown does not wait for browsers that would never leave. */
    @Override
    public void stop() {
        running = false;
        byWorkspace.values().forEach(streams -> streams.forEach(Subscriber::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    static final class TooManyStreamsException extends RuntimeException {
        TooManyStreamsException() {
            super("This node keeps no more live streams");
        }
    }
}
