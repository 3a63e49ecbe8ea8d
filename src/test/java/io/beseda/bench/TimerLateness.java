package io.beseda.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The benchmark's db-scheduler interceptor: for every timer that starts, how late it starts against its due
 * time, per task, in a millisecond histogram (no allocation, no lock, nothing written to the database).
 */
final class TimerLateness implements ExecutionInterceptor {

    /** Lateness above this counts in the last bucket (its exact maximum is kept apart). */
    private static final int BUCKETS = 30 * 60 * 1000;

    /** One task's timers. */
    static final class Histogram {
        private final AtomicLongArray millis = new AtomicLongArray(BUCKETS + 1);
        private final AtomicLong fired = new AtomicLong();
        private final AtomicLong maxMillis = new AtomicLong();
        private final AtomicLong lastStartMillis = new AtomicLong();
        private final AtomicLong tickMax = new AtomicLong();

        void add(long lateMillis, long nowMillis) {
            var late = Math.max(0, lateMillis);
            millis.incrementAndGet((int) Math.min(late, BUCKETS));
            fired.incrementAndGet();
            maxMillis.accumulateAndGet(late, Math::max);
            tickMax.accumulateAndGet(late, Math::max);
            lastStartMillis.accumulateAndGet(nowMillis, Math::max);
        }

        long fired() {
            return fired.get();
        }

        long max() {
            return maxMillis.get();
        }

        /** The latest start since the previous call (for the progress lines). */
        long takeTickMax() {
            return tickMax.getAndSet(0);
        }

        long lastStart() {
            return lastStartMillis.get();
        }

        /** Lateness in ms at quantile q (0..1) of all timers of this histogram and {@code others}. */
        static long quantile(double q, Histogram... of) {
            long total = 0;
            for (var h : of) {
                total += h.fired();
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                for (var h : of) {
                    seen += h.millis.get(i);
                }
                if (seen >= Math.max(1, rank)) {
                    return i;
                }
            }
            return BUCKETS;
        }

        /** Share of timers of these histograms that started within {@code limit} of their due time. */
        static double within(Duration limit, Histogram... of) {
            long total = 0;
            long inside = 0;
            for (var h : of) {
                total += h.fired();
                for (int i = 0; i <= Math.min(limit.toMillis(), BUCKETS); i++) {
                    inside += h.millis.get(i);
                }
            }
            return total == 0 ? 1 : (double) inside / total;
        }
    }

    final Histogram cartIdle = new Histogram();
    final Histogram wake = new Histogram();
    final Histogram other = new Histogram();

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> taskInstance, ExecutionContext context, ExecutionChain chain) {
        var now = Instant.now();
        var due = context.getExecution().executionTime;
        var late = Duration.between(due, now).toMillis();
        switch (taskInstance.getTaskName()) {
            case "journey-cart-idle" -> cartIdle.add(late, now.toEpochMilli());
            case "journey-wake" -> wake.add(late, now.toEpochMilli());
            default -> other.add(late, now.toEpochMilli());
        }
        return chain.proceed(taskInstance, context);
    }
}
