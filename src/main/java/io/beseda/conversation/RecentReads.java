package io.beseda.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings read on every inbound message (an inbox's hours, where an account's messages land), kept for
 * a few seconds. A change made on this node is seen at once: {@link #forgetAll} drops everything now and
 * again after the changing transaction commits, and a read that raced with a change is not kept. A change
 * made on another node is seen within {@code ttl}; see docs/decisions/0013.
 */
final class RecentReads<K, V> {

    /** {@code generation}: what {@link #forgetAll} had counted before the value was read; a later count voids it. */
    private record Entry<V>(V value, long readAt, long generation) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    RecentReads(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    RecentReads(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        var entry = entries.get(key);
        if (entry != null && now - entry.readAt() < ttlNanos && entry.generation() == generation.get()) {
            return entry.value();
        }
        long before = generation.get();
        var value = read.apply(key);
        // Not kept when this transaction itself changed what was read (uncommitted, it may still roll back).
        if (ttlNanos > 0 && !TransactionSynchronizationManager.hasResource(this)) {
            entries.put(key, new Entry<>(value, now, before));
        }
        return value;
    }

    /** Something these reads depend on changes: forget now and, when in a transaction, after it commits. */
    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RecentReads.this);
                    generation.incrementAndGet();
                    entries.clear();
                }
            });
        }
    }
}
