package io.beseda.journey.runtime;

import java.util.HashMap;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.customer.SegmentEntered;
import io.beseda.customer.StorefrontEventsRecorded;
import io.beseda.journey.definition.Trigger;

/**
 * Where the world reaches journeys: storefront events (an idle cart's check, an order's status, any event a
 * journey starts on or waits for, the goal), segment entries, and the fate of journeys' messages.
 */
@Component
class JourneyTriggers {

    private final JourneyEntries entries;
    private final JourneyTimers timers;
    private final Runs runs;
    private final Goals goals;

    JourneyTriggers(JourneyEntries entries, JourneyTimers timers, Runs runs, Goals goals) {
        this.entries = entries;
        this.timers = timers;
        this.runs = runs;
        this.goals = goals;
    }

    @ApplicationModuleListener
    void on(StorefrontEventsRecorded recorded) {
        var workspace = recorded.workspaceId();
        var open = entries.open(workspace);
        // one look per batch at what runs wait for and which events are goals, not two queries per storefront event
        var awaited = runs.awaited(workspace);
        for (var event : recorded.events()) {
            if (awaited.goals().contains(event.type())) {
                goals.reached(workspace, event);
            }
            for (var journey : open) {
                if (event.occurredAt().isBefore(journey.launchedAt().minusSeconds(60))) {
                    // a journey launched now does not chase carts abandoned, or statuses reported, before it
                    continue;
                }
                switch (journey.definition().trigger()) {
                    case Trigger.CartAbandoned abandoned when event.type().equals("cart_updated") ->
                            timers.checkCartAt(journey.id(), event.customer().value(), event.occurredAt().plus(abandoned.idle()));
                    case Trigger.OrderStatusChanged changed when event.type().equals("order_status_changed")
                            && changed.matches(event.properties().getOrDefault("status", "")) ->
                            entries.enter(workspace, journey, event.customer(),
                                    event.properties().getOrDefault("orderId", "") + ":" + event.properties().get("status"),
                                    facts(event));
                    case Trigger.EventOccurred occurred when event.type().equals(occurred.eventType())
                            && EventConditions.hold(occurred.conditions(), event.properties()) ->
                            entries.enter(workspace, journey, event.customer(), "event:" + event.eventId(), facts(event));
                    default -> {
                    }
                }
            }
            if (awaited.waitedFor().contains(event.type())) {
                for (var run : runs.waitingFor(workspace, event.customer(), event.type())) {
                    timers.eventSeen(run, event.type(), event.eventId());
                }
            }
        }
    }

    @ApplicationModuleListener
    void on(SegmentEntered entered) {
        for (var journey : entries.open(entered.workspaceId())) {
            if (journey.definition().trigger() instanceof Trigger.SegmentEntered segment
                    && segment.segmentId().equals(entered.segmentId().value())) {
                entries.enter(entered.workspaceId(), journey, entered.customerId(), "segment:" + UUID.randomUUID(),
                        java.util.Map.of("segment", entered.segmentId().value().toString()));
            }
        }
    }

    /**
     * In the transaction that moved the message: a run waiting on it gets a durable wake-up, committed with the
     * status. Messages no run waits for (an operator's reply) cost one indexed lookup and nothing else.
     */
    @EventListener
    void on(MessageStatusChanged changed) {
        if (changed.status() == MessageStatus.QUEUED || changed.status() == MessageStatus.SENDING) {
            return;
        }
        for (var run : runs.waitingOn(changed.messageId().value())) {
            timers.messageChanged(run, changed.messageId().value(), changed.status().name(), changed.reason());
        }
    }

    private static java.util.Map<String, String> facts(StorefrontEventsRecorded.Recorded event) {
        var facts = new HashMap<String, String>();
        event.properties().forEach((k, v) -> facts.put("event." + k, v));
        facts.put("event.type", event.type());
        if (event.properties().containsKey("orderId")) {
            facts.put("orderId", event.properties().get("orderId"));
        }
        return facts;
    }
}
