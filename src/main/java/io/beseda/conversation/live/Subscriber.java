package io.beseda.conversation.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: a browser tab of a signed-in operator. Events wait in a small queue and a virtual
 * thread writes them, so one slow browser never holds up the listener or the others; when its queue is
 * full, what waits is thrown away and the tab is told to re-read instead ({@code resync}).
 */
final class Subscriber {

    record Frame(String name, String data) {
    }

    static final Frame RESYNC = new Frame("resync", "{}");

    private final UUID workspace;
    private final UUID user;
    private final SseEmitter emitter;
    private static final int MAX_FRAMES_PER_WRITE = 64;

    private final BlockingQueue<Frame> queue;
    private final List<Frame> pending = new ArrayList<>(MAX_FRAMES_PER_WRITE);
    private final Duration heartbeat;
    private final AtomicBoolean behind = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long openedAt = System.nanoTime();
    private @Nullable Thread writer;

    Subscriber(UUID workspace, UUID user, SseEmitter emitter, int backlog, Duration heartbeat) {
        this.workspace = workspace;
        this.user = user;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(backlog);
        this.heartbeat = heartbeat;
    }

    UUID workspace() {
        return workspace;
    }

    UUID user() {
        return user;
    }

    long openedAt() {
        return openedAt;
    }

    void start(Runnable onEnd) {
        writer = Thread.ofVirtual().name("beseda-sse").start(() -> {
            try {
                write();
            } finally {
                onEnd.run();
            }
        });
    }

    /** Never blocks: a full queue turns into one resync. */
    void offer(Frame frame) {
        if (!closed.get() && !queue.offer(frame)) {
            behind.set(true);
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            var thread = writer;
            if (thread != null) {
                thread.interrupt();
            }
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed by the container
            }
        }
    }

    private void write() {
        try {
            send(new Frame("ready", "{}"));
            while (!closed.get()) {
                if (behind.getAndSet(false)) {
                    queue.clear();
                    send(RESYNC);
                    continue;
                }
                var frame = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    emitter.send(SseEmitter.event().comment("hb"));
                } else {
                    pending.add(frame);
                    queue.drainTo(pending, MAX_FRAMES_PER_WRITE - 1);
                    send(pending);
                    pending.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the browser went away or the container ended the stream: nothing to tell anyone
        } finally {
            close();
        }
    }

    private void send(Frame frame) throws IOException {
        send(List.of(frame));
    }

    /**
     * The frames that waited, written and flushed at once: under load one write carries dozens of events
     * instead of one system call each. The payloads are single-line JSON, as one {@code data:} line needs.
     */
    private void send(List<Frame> frames) throws IOException {
        var text = new StringBuilder();
        for (var frame : frames) {
            text.append("event:").append(frame.name()).append("\ndata:").append(frame.data()).append("\n\n");
        }
        emitter.send(new Written(text.toString()));
    }

    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    /** Event-stream text already in its wire form. */
    private record Written(String text) implements SseEmitter.SseEventBuilder {

        @Override
        public SseEmitter.SseEventBuilder id(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder name(String eventName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder comment(String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object, @Nullable MediaType mediaType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ResponseBodyEmitter.DataWithMediaType> build() {
            return Set.of(new ResponseBodyEmitter.DataWithMediaType(text, UTF8_TEXT));
        }
    }
}
