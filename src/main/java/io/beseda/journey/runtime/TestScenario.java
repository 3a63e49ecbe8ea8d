package io.beseda.journey.runtime;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * What the test customer does in a test run.
 *
 * @param undelivered       channels whose messages do not arrive (to see the failover)
 * @param readEverything    every message that arrives is read at once (otherwise none is read)
 * @param purchaseAfterStep the customer buys right after this step's message arrives (to see the goal exit)
 * @param startAt           the virtual moment the customer enters (empty: now), to see quiet hours at work
 */
public record TestScenario(Set<Channel> undelivered, boolean readEverything, @Nullable String purchaseAfterStep,
                           @Nullable Instant startAt) {

    public TestScenario {
        undelivered = Set.copyOf(undelivered);
    }

    public TestScenario(Set<Channel> undelivered, boolean readEverything, @Nullable String purchaseAfterStep) {
        this(undelivered, readEverything, purchaseAfterStep, null);
    }

    public static TestScenario everythingArrives() {
        return new TestScenario(Set.of(), false, null);
    }

    public TestScenario startingAt(Instant at) {
        return new TestScenario(undelivered, readEverything, purchaseAfterStep, at);
    }
}
