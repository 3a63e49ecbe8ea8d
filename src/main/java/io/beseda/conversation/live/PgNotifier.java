package io.beseda.conversation.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Announces committed events to every node with NOTIFY. Publishers only offer to a bounded queue (never
 * blocking, dropping when it is full: a missed refresh is recovered by the page, a stalled publisher is
 * not); one thread drains the queue and sends what has piled up in one round trip, so a burst costs a
 * few statements, not one per event.
 */
@Component
class PgNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgNotifier.class);
    private static final int BATCH = 500;

    private final LiveConnections connections;
    private final JsonMapper json;
    private final BlockingQueue<LiveEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread thread;
    private @Nullable Connection connection;

    PgNotifier(LiveConnections connections, JsonMapper json, LiveSettings settings) {
        this.connections = connections;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(settings.outbox());
    }

    void publish(LiveEvent event) {
        if (!queue.offer(event) && dropped.incrementAndGet() % 1000 == 1) {
            log.warn("Live updates are behind: {} events not announced so far", dropped.get());
        }
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("beseda-live-notify").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        var batch = new ArrayList<LiveEvent>(BATCH);
        while (running) {
            try {
                var first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not announce {} live events; reconnecting: {}", batch.size(), e.toString());
                close();
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<LiveEvent> batch) throws SQLException {
        var payloads = batch.stream().map(json::writeValueAsString).toArray(String[]::new);
        var connection = connection();
        try (var statement = connection.prepareStatement("select pg_notify('" + LiveConnections.CHANNEL + "', p) from unnest(?::text[]) as p")) {
            statement.setArray(1, connection.createArrayOf("text", payloads));
            statement.executeQuery().close();
        }
    }

    private Connection connection() throws SQLException {
        var open = connection;
        if (open == null || open.isClosed()) {
            open = connections.open();
            connection = open;
        }
        return open;
    }

    private void close() {
        var open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // it is being replaced anyway
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
