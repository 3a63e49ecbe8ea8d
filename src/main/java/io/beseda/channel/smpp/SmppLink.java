package io.beseda.channel.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * One account's transceiver session with its SMS centre: bound on demand and, while the account is kept bound,
 * bound again with a doubling wait whenever it drops. Sends share a window (parts waiting for their
 * submit_sm_resp) and a token bucket (parts per second) so Beseda never outruns its contract.
 */
final class SmppLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

    private final SmppSettings settings;
    private final SmppProperties properties;
    private final MessageReceiverListener listener;
    private final ScheduledExecutorService timer;
    private final String name;
    private final java.util.function.Consumer<String> bindFailed;
    private final Semaphore window;
    private final Bucket tps;
    private final AtomicBoolean reconnectPending = new AtomicBoolean();
    private volatile @Nullable SMPPSession session;
    private volatile boolean keepBound;
    private volatile boolean closed;
    private int failures;

    SmppLink(String name, SmppSettings settings, SmppProperties properties, MessageReceiverListener listener,
             ScheduledExecutorService timer, java.util.function.Consumer<String> bindFailed) {
        this.name = name;
        this.bindFailed = bindFailed;
        this.settings = settings;
        this.properties = properties;
        this.listener = listener;
        this.timer = timer;
        this.window = new Semaphore(settings.windowOrDefault(), true);
        this.tps = Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.tpsOrDefault())
                .refillGreedy(settings.tpsOrDefault(), Duration.ofSeconds(1)).build()).build();
    }

    SmppSettings settings() {
        return settings;
    }

    /** The bound session, binding it now when there is none; the caller's send fails over to a retry on IOException. */
    synchronized SMPPSession bound() throws IOException {
        var current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        if (closed) {
            throw new IOException("The SMPP link of " + name + " is closed");
        }
        if (current != null) {
            current.close();
        }
        var fresh = new SMPPSession();
        fresh.setEnquireLinkTimer((int) properties.enquireLink().toMillis());
        fresh.setTransactionTimer(properties.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(listener);
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), settings.systemType() == null ? "" : settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), properties.bindTimeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        fresh.addSessionStateListener((now, before, source) -> {
            if (now == SessionState.CLOSED && keepBound && !closed) {
                log.info("SMPP session of {} closed; binding again", name);
                scheduleReconnect();
            }
        });
        session = fresh;
        failures = 0;
        return fresh;
    }

    /** Keeps the session bound from now on, so customers' SMS and receipts keep arriving when nothing is sent. */
    void keepBound() {
        keepBound = true;
        bindOrRetryLater();
    }

    private void bindOrRetryLater() {
        if (closed) {
            return;
        }
        try {
            bound();
        } catch (IOException | RuntimeException e) {
            log.warn("Binding {} to {}:{} failed: {}", name, settings.host(), settings.port(), e.getMessage());
            bindFailed.accept("SMPP bind to " + settings.host() + ":" + settings.port() + " failed: " + e.getMessage());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closed || !reconnectPending.compareAndSet(false, true)) {
            return;
        }
        long wait;
        synchronized (this) {
            wait = Math.min(properties.reconnectMax().toMillis(), properties.reconnectMin().toMillis() << Math.min(failures, 16));
            failures++;
        }
        // binding blocks up to the bind timeout: not on the shared timer's one thread
        timer.schedule(() -> Thread.ofVirtual().name("beseda-smpp-bind").start(() -> {
            reconnectPending.set(false);
            bindOrRetryLater();
        }), wait, TimeUnit.MILLISECONDS);
    }

    /** Takes a place in the window, waiting up to {@code wait}; false when the window stayed full. */
    boolean enterWindow(Duration wait) throws InterruptedException {
        return window.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void leaveWindow() {
        window.release();
    }

    /** Takes one part's token, waiting up to {@code wait}; false when the rate would be exceeded. */
    boolean takeToken(Duration wait) throws InterruptedException {
        return tps.asBlocking().tryConsume(1, wait);
    }

    boolean isBound() {
        var current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public void close() {
        closed = true;
        var current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }
}
