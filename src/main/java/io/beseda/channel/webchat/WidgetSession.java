package io.beseda.channel.webchat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.beseda.customer.CustomerId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * One open widget: the socket, the account it belongs to, and who is behind it once known. Replies, typing
 * and other tabs' messages are pushed from other threads, so sends go through Spring's concurrent decorator,
 * which queues (up to a limit) rather than blocking the pusher on a slow visitor.
 */
final class WidgetSession {

    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final WebSocketSession socket;
    private final WebChatAccount account;
    private final Locale locale;
    private final Bucket messages = Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(20).refillGreedy(30, Duration.ofMinutes(1)).build()).build();
    private final Bucket frames = Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(60).refillGreedy(120, Duration.ofMinutes(1)).build()).build();
    private volatile @Nullable String visitorId;
    private volatile @Nullable CustomerId customer;
    private volatile @Nullable String name;
    private volatile boolean identified;
    private volatile long lastTypingNanos = System.nanoTime() - Duration.ofMinutes(1).toNanos();

    WidgetSession(WebSocketSession socket, WebChatAccount account, Locale locale) {
        this.socket = new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT_BYTES);
        this.account = account;
        this.locale = locale;
    }

    String id() {
        return socket.getId();
    }

    WebChatAccount account() {
        return account;
    }

    Locale locale() {
        return locale;
    }

    @Nullable String visitorId() {
        return visitorId;
    }

    void visitorId(String visitorId) {
        this.visitorId = visitorId;
    }

    @Nullable CustomerId customer() {
        return customer;
    }

    void customer(@Nullable CustomerId customer) {
        this.customer = customer;
    }

    @Nullable String name() {
        return name;
    }

    boolean identified() {
        return identified;
    }

    void identified(@Nullable String name) {
        this.identified = true;
        this.name = name;
    }

    /** A message or a button press the visitor may send now (a burst of 20, then 30 a minute). */
    boolean mayPost() {
        return messages.tryConsume(1);
    }

    /** Any frame at all (a burst of 60, then 120 a minute): typing and reads are cheap but not free. */
    boolean mayAct() {
        return frames.tryConsume(1);
    }

    /** Whether a typing notice is due: at most one every three seconds reaches the inbox. */
    boolean typingDue() {
        var now = System.nanoTime();
        if (now - lastTypingNanos < Duration.ofSeconds(3).toNanos()) {
            return false;
        }
        lastTypingNanos = now;
        return true;
    }

    /** Sends a frame; false when the socket is gone or the visitor reads too slowly (it is closed then). */
    boolean send(String frame) {
        if (!socket.isOpen()) {
            return false;
        }
        try {
            socket.sendMessage(new TextMessage(frame));
            return true;
        } catch (IOException | RuntimeException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
            return false;
        }
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException ignored) {
            // already closing: nothing more to do for a socket that is going away
        }
    }
}
