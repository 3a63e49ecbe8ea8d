package io.beseda.customer.segment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.SegmentEntered;
import io.beseda.customer.SegmentId;
import io.beseda.customer.SegmentLeft;
import io.beseda.shared.AfterCommit;

/**
 * Every committed segment entry and exit, as another module would hear them. It records after commit
 * through a transaction synchronization rather than a {@code @TransactionalEventListener}: Spring Modulith
 * tracks every transactional listener in its publication registry, which needs a second connection while
 * the publisher still holds its own, and this test-only log must not change how the pool behaves.
 */
@Component
class SegmentEventLog {

    private final List<SegmentEntered> entered = new CopyOnWriteArrayList<>();
    private final List<SegmentLeft> left = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SegmentEntered event) {
        AfterCommit.run(() -> entered.add(event));
    }

    @EventListener
    void on(SegmentLeft event) {
        AfterCommit.run(() -> left.add(event));
    }

    List<SegmentEntered> entered(SegmentId segment, CustomerId customer) {
        return entered.stream().filter(e -> e.segmentId().equals(segment) && e.customerId().equals(customer)).toList();
    }

    List<SegmentLeft> left(SegmentId segment, CustomerId customer) {
        return left.stream().filter(e -> e.segmentId().equals(segment) && e.customerId().equals(customer)).toList();
    }
}
