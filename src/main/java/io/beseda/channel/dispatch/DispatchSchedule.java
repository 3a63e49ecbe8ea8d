package io.beseda.channel.dispatch;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.shared.AfterCommit;

/**
 * Runs the dispatcher on one background thread: at once when a message is queued on this node (an
 * operator's reply must not wait for a timer), and at least every second (BESEDA_CHANNEL_DISPATCH_INTERVAL)
 * for retries, deferred messages and messages queued on other nodes; full batches are drained back to
 * back. Tests switch it off and drive the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "beseda.channel.scheduled-dispatch", havingValue = "true", matchIfMissing = true)
class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DispatchSchedule(Dispatcher dispatcher, @Value("${beseda.channel.dispatch-interval:1s}") Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    /**
     * A message was queued and committed: send it now rather than at the next tick. Not a transactional
     * event listener, which would cost a publication record per status change ({@link AfterCommit}).
     */
    @EventListener
    void queued(MessageStatusChanged changed) {
        if (changed.status() == MessageStatus.QUEUED) {
            AfterCommit.run(() -> {
                if (wake.availablePermits() == 0) {
                    wake.release();
                }
            });
        }
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && dispatcher.dispatchDue() == Dispatcher.BATCH) {
                    log.debug("A full batch went out; taking the next one at once");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Dispatching outbound messages failed; the next pass tries again", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("beseda-dispatcher").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
