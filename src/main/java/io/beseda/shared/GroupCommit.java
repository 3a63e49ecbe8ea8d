package io.beseda.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets many small writes share one transaction. A caller hands over a unit of work and waits; a writer
 * thread takes whatever has queued up (one unit when the node is quiet, dozens under load), runs them all
 * in one transaction and answers each caller only after the commit. A unit that fails rolls the batch
 * back, and the batch is then run again one unit per transaction, so a bad unit fails alone and the
 * others still commit. Units must therefore be safe to run twice when the first run was rolled back:
 * database writes and events, no calls to the outside world.
 * <p>
 * A unit runs on the writer's thread: it sees no request, security context or locale of its caller.
 * Called inside a transaction, the unit simply joins it.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final List<BlockingQueue<Unit<?>>> queues = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger unkeyed = new java.util.concurrent.atomic.AtomicInteger();
    private final TransactionTemplate transactions;
    private final GroupCommitSettings settings;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(PlatformTransactionManager transactionManager, GroupCommitSettings settings) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        for (int i = 0; i < settings.writers(); i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /** Runs {@code work} in a transaction shared with other callers' and returns once that has committed. */
    public <T> T run(Supplier<T> work) {
        return run(queues.get(Math.floorMod(unkeyed.getAndIncrement(), queues.size())), work);
    }

    /**
     * As {@link #run(Supplier)}; units with equal keys (say, one visitor's messages) go to the same writer,
     * so they commit in the order they came and never wait on each other's row locks from two batches.
     */
    public <T> T run(Object key, Supplier<T> work) {
        return run(queues.get(writerFor(key)), work);
    }

    /**
     * The high bits of a Fibonacci hash: record hash codes often leave their low bits alike (an identity's value
     * and raw text hash the same and sum to a multiple of 32), which would send every key to one writer.
     */
    int writerFor(Object key) {
        int spread = (key.hashCode() * 0x9E3779B9) >>> 16;
        return spread % queues.size();
    }

    private <T> T run(BlockingQueue<Unit<?>> queue, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        var unit = new Unit<>(work);
        if (running) {
            queue.add(unit);
            // stopping meanwhile: the writers may already be gone, so take it back and write it here
            if (running || !queue.remove(unit)) {
                return unit.await(settings.timeout().toMillis());
            }
        }
        return transactions.execute(status -> work.get());
    }

    private void write(BlockingQueue<Unit<?>> queue) {
        var batch = new ArrayList<Unit<?>>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("A group commit failed outside its units", e);
                batch.forEach(unit -> unit.fail(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Unit<?>> batch) {
        if (batch.size() == 1) {
            alone(batch.getFirst());
            return;
        }
        var results = new ArrayList<Object>(batch.size());
        try {
            transactions.executeWithoutResult(status -> {
                results.clear(); // a retried template never runs twice, but keep the results aligned anyway
                batch.forEach(unit -> results.add(unit.work.get()));
            });
        } catch (RuntimeException | Error e) {
            log.debug("A batch of {} rolled back ({}); running its units one by one", batch.size(), e.toString());
            batch.forEach(this::alone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    private <T> void alone(Unit<T> unit) {
        try {
            unit.succeed(transactions.execute(status -> unit.work.get()));
        } catch (RuntimeException | Error e) {
            unit.fail(e);
        }
    }

    /** Units waiting for a writer. */
    int queued() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            var queue = queues.get(i);
            writers.add(Thread.ofPlatform().daemon().name("beseda-group-commit-" + i).start(() -> write(queue)));
        }
    }

    /** Stops taking new units (callers then write alone) and finishes the ones already queued. */
    @Override
    public void stop() {
        running = false;
        for (var writer : writers) {
            try {
                writer.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.clear();
        for (var queue : queues) {
            for (Unit<?> unit; (unit = queue.poll()) != null; ) {
                alone(unit);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has finished them. */
    @Override
    public int getPhase() {
        return 0;
    }

    private static final class Unit<T> {
        private final Supplier<T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();

        Unit(Supplier<T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            outcome.complete((T) result);
        }

        void fail(Throwable failure) {
            outcome.completeExceptionally(failure);
        }

        T await(long millis) {
            try {
                return outcome.get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("A write waited " + millis + " ms for its transaction; it may still commit", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a write to commit", e);
            }
        }
    }
}
