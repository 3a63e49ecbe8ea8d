package io.beseda.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The journeys' durable timers, in db-scheduler's table: a run's wake-up (a wait ends, a message was not read
 * in time, a message moved on) and the idle check of an abandoned cart. Scheduling joins the caller's
 * transaction, so a run's new position and its timer are committed together or not at all.
 */
@Component
public class JourneyTimers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JourneyTimers.class);

    /** Task data of a wake: a message's news, or nothing for a timer. */
    public record WakeData(@Nullable String messageId, @Nullable String status, @Nullable String reason) implements java.io.Serializable {
    }

    private final OneTimeTask<WakeData> wake;
    private final CustomTask<Void> cartIdle;
    private final SchedulerClient client;
    private final DataSource dataSource;
    private final JourneySettings settings;
    private final Clock clock;
    private final ObjectProvider<ExecutionInterceptor> interceptors;
    private volatile @Nullable Scheduler scheduler;

    /** @param interceptors none in production; a benchmark registers one to time every timer against its due time */
    JourneyTimers(DataSource dataSource, JourneySettings settings, Clock clock, ObjectProvider<Runner> runner,
                  ObjectProvider<CartIdleChecks> idleChecks, ObjectProvider<ExecutionInterceptor> interceptors) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.interceptors = interceptors;
        this.wake = Tasks.oneTime("journey-wake", WakeData.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.getObject().wake(instance.getId(), instance.getData()));
        this.cartIdle = Tasks.custom("journey-cart-idle", Void.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    var again = idleChecks.getObject().check(instance.getId());
                    return again == null ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(complete, again);
                });
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks())
                .serializer(new com.github.kagkarlsson.scheduler.serializer.JavaSerializer()).build();
    }

    private List<Task<?>> tasks() {
        return List.of(wake, cartIdle);
    }

    /** Wakes the run at {@code at} for the position {@code key}; scheduling the same wake again changes nothing. */
    public void wakeAt(UUID run, String key, Instant at) {
        client.scheduleIfNotExists(wake.instance(run + "|" + key, new WakeData(null, null, null)), at);
    }

    /** Wakes the run now with its message's news (a message changes status once per status, so the id is unique). */
    public void messageChanged(UUID run, UUID message, String status, @Nullable String reason) {
        client.scheduleIfNotExists(wake.instance(run + "|msg:" + message + ":" + status, new WakeData(message.toString(), status, reason)),
                clock.instant());
    }

    /** Wakes the run now because the customer did what it waits for. */
    public void eventSeen(UUID run, String eventType, String eventId) {
        client.scheduleIfNotExists(wake.instance(run + "|event:" + eventType + ":" + eventId, new WakeData(null, "EVENT:" + eventType, null)),
                clock.instant());
    }

    /** Checks the cart at {@code at}; a later cart change moves the check (the quiet starts again). */
    public void checkCartAt(UUID journey, UUID customer, Instant at) {
        client.schedule(cartIdle.instance(journey + "|" + customer), at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    @Override
    public void start() {
        if (!settings.timers()) {
            return;
        }
        var builder = Scheduler.create(dataSource, tasks())
                .threads(settings.timerThreads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .pollUsingLockAndFetch(0.5, 4.0)
                .clock(clock::instant)
                .enableImmediateExecution()
                .serializer(new com.github.kagkarlsson.scheduler.serializer.JavaSerializer())
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Hostname());
        interceptors.orderedStream().forEach(builder::addExecutionInterceptor);
        var built = builder.build();
        built.start();
        scheduler = built;
        log.info("Journey timers started: {} threads, polling every {}", settings.timerThreads(), settings.pollingInterval());
    }

    @Override
    public void stop() {
        var running = scheduler;
        if (running != null) {
            running.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Late in startup and early in shutdown: timers run while everything they call is up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
