package io.beseda.journey.runtime;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.MessageStatus;
import io.beseda.journey.engine.Advance;
import io.beseda.journey.engine.JourneyEngine;
import io.beseda.journey.engine.RunRef;
import io.beseda.journey.engine.RunState;
import io.beseda.journey.engine.Wake;

/**
 * Moves runs: locks the run, lets the engine take it as far as it goes, and stores the new position, what the
 * steps did and the next timer in one transaction. A wake that finds the run elsewhere (a stale timer, a
 * redelivered status) changes nothing, so every step's work happens once.
 */
@Component
class Runner {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    private final Runs runs;
    private final Definitions definitions;
    private final JourneyEngine engine;
    private final JourneyTimers timers;
    private final TransactionTemplate transactions;
    private final TransactionTemplate steps;
    private final Clock clock;

    Runner(Runs runs, Definitions definitions, JourneyPorts ports, JourneyTimers timers, TransactionTemplate transactions,
           org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock) {
        this.runs = runs;
        this.definitions = definitions;
        this.engine = new JourneyEngine(ports);
        this.timers = timers;
        this.transactions = transactions;
        this.steps = new TransactionTemplate(transactionManager);
        this.steps.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** A db-scheduler wake: {@code instance} is "run|key". */
    void wake(String instance, JourneyTimers.@Nullable WakeData data) {
        var bar = instance.indexOf('|');
        var run = UUID.fromString(instance.substring(0, bar));
        var key = instance.substring(bar + 1);
        Wake wake;
        if (data != null && data.messageId() != null && data.status() != null) {
            wake = new Wake.MessageChanged(UUID.fromString(data.messageId()), MessageStatus.valueOf(data.status()),
                    data.reason() == null ? "" : data.reason());
        } else if (data != null && data.status() != null && data.status().startsWith("EVENT:")) {
            wake = new Wake.EventSeen(data.status().substring("EVENT:".length()));
        } else {
            wake = new Wake.Timer(key);
        }
        transactions.executeWithoutResult(status -> advance(run, wake));
    }

    /** Moves the run within the caller's transaction. */
    void advance(UUID runId, Wake wake) {
        var stored = runs.lockActive(runId).orElse(null);
        if (stored == null) {
            return;
        }
        var run = stored.ref();
        var now = clock.instant();
        if (stored.journeyStatus().equals("ARCHIVED")) {
            runs.end(run.id(), "EXITED", "the journey was archived", now);
            return;
        }
        var definition = definitions.version(run.journeyId(), run.version());
        if (definition == null) {
            runs.end(run.id(), "EXITED", "version " + run.version() + " is gone", now);
            return;
        }
        try {
            // In a savepoint: a step that fails (a bug, a constraint) undoes only its own work, and the run leaves
            // the journey with the reason instead of being retried for ever.
            steps.executeWithoutResult(savepoint -> move(run, definition, stored.state(), wake, now));
        } catch (RuntimeException e) {
            log.error("Run {} of journey {} failed at {}; it leaves the journey", run.id(), run.journeyId(), stored.state().stepId(), e);
            runs.end(run.id(), "EXITED", "error: " + e.getClass().getSimpleName(), now);
        }
    }

    private void move(RunRef run, io.beseda.journey.definition.JourneyDefinition definition, RunState state, Wake wake,
                      java.time.Instant now) {
        var advance = engine.advance(run, definition, state, wake, now);
        if (!advance.changed()) {
            return;
        }
        runs.save(run, advance, now);
        if (advance.status() == Advance.Status.ACTIVE && advance.wakeAt() != null && advance.state().timerKey() != null) {
            timers.wakeAt(run.id(), advance.state().timerKey(), advance.wakeAt());
        }
    }

    /** Enters and starts a new run in the caller's transaction. */
    void start(RunRef run) {
        advance(run.id(), new Wake.Start());
    }

    static RunState fresh(java.util.Map<String, String> facts) {
        return RunState.start(facts);
    }
}
