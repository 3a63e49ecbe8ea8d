package io.beseda.customer.segment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.beseda.customer.CustomerId;
import io.beseda.customer.SegmentEntered;
import io.beseda.customer.SegmentId;
import io.beseda.customer.SegmentLeft;

/** Every committed segment entry and exit, as another module would hear them. */
@Component
class SegmentEventLog {

    private final List<SegmentEntered> entered = new CopyOnWriteArrayList<>();
    private final List<SegmentLeft> left = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SegmentEntered event) {
        entered.add(event);
    }

    @TransactionalEventListener
    void on(SegmentLeft event) {
        left.add(event);
    }

    List<SegmentEntered> entered(SegmentId segment, CustomerId customer) {
        return entered.stream().filter(e -> e.segmentId().equals(segment) && e.customerId().equals(customer)).toList();
    }

    List<SegmentLeft> left(SegmentId segment, CustomerId customer) {
        return left.stream().filter(e -> e.segmentId().equals(segment) && e.customerId().equals(customer)).toList();
    }
}
