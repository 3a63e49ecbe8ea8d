package io.beseda.channel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;

/**
 * A provider whose answers a test writes in advance, per account name: a stand-in for a provider that
 * fails now and accepts later, rejects, or asks to retry after a while.
 */
@Component
class ScriptedConnectorFactory implements ChannelConnectorFactory {

    static final String PROVIDER = "scripted";

    private final ConcurrentHashMap<String, ConcurrentLinkedQueue<SendResult>> scripts = new ConcurrentHashMap<>();

    /** How often the provider was asked to send each message: more than once would reach the customer twice. */
    private final ConcurrentHashMap<MessageId, java.util.concurrent.atomic.AtomicInteger> sends = new ConcurrentHashMap<>();

    /** What each customer was sent, in the order the provider was asked. */
    private final ConcurrentHashMap<io.beseda.customer.CustomerId, java.util.List<String>> bodies = new ConcurrentHashMap<>();

    java.util.List<String> bodiesTo(io.beseda.customer.CustomerId customer) {
        return java.util.List.copyOf(bodies.getOrDefault(customer, java.util.List.of()));
    }

    int sendsOf(MessageId message) {
        var count = sends.get(message);
        return count == null ? 0 : count.get();
    }

    void script(String accountName, SendResult... answers) {
        scripts.computeIfAbsent(accountName, n -> new ConcurrentLinkedQueue<>()).addAll(java.util.List.of(answers));
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return delivery -> {
            sends.computeIfAbsent(delivery.messageId(), m -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            bodies.computeIfAbsent(delivery.customer(), c -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(delivery.body());
            if (account.name().startsWith("slow-")) {
                // a provider that takes a moment to answer, so side-by-side sends really overlap
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            var next = scripts.getOrDefault(account.name(), new ConcurrentLinkedQueue<>()).poll();
            return next != null ? next : new SendResult.Sent("scripted-" + delivery.messageId());
        };
    }
}
