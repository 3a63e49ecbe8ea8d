package io.beseda.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction has committed (never when it rolls back), or at once when
 * there is none. Cheaper than a {@code @TransactionalEventListener}, which Spring Modulith would record in
 * its publication registry (an insert and a delete per event): for what only touches memory or a socket
 * (waking a thread, a screen refresh, a cache entry), losing it with a crash costs nothing.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
