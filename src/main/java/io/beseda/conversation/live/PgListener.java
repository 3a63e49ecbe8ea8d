package io.beseda.conversation.live;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's one LISTEN connection: every notification, from whichever node sent it, goes to the local
 * streams. If the connection drops, it reconnects and tells every open page to re-read what it shows,
 * since notifications sent meanwhile are gone.
 */
@Component
class PgListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgListener.class);
    private static final int WAIT_MILLIS = 5_000;

    private final LiveConnections connections;
    private final LiveHub hub;
    private volatile boolean running;
    private volatile boolean listening;
    private @Nullable Thread thread;
    private volatile @Nullable Connection connection;

    PgListener(LiveConnections connections, LiveHub hub) {
        this.connections = connections;
        this.hub = hub;
    }

    /** Whether the LISTEN is in place now (events other nodes send from here on arrive). */
    boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("beseda-live-listen").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        listening = false;
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
        var reconnect = false;
        while (running) {
            try {
                listen(reconnect);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                listening = false;
                log.warn("Live updates lost their LISTEN connection; reconnecting: {}", e.toString());
                close();
                reconnect = true;
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void listen(boolean reconnect) throws SQLException {
        var open = connections.open();
        connection = open;
        try (var statement = open.createStatement()) {
            statement.execute("listen " + LiveConnections.CHANNEL);
        }
        listening = true;
        if (reconnect) {
            hub.resyncAll();
        }
        var pg = open.unwrap(PGConnection.class);
        while (running) {
            var notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications == null) {
                continue;
            }
            for (var notification : notifications) {
                hub.deliver(notification.getParameter());
            }
        }
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

    private boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
