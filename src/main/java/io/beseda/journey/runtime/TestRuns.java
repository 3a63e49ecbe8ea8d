package io.beseda.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.beseda.channel.MessageStatus;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.engine.Advance;
import io.beseda.journey.engine.Execution;
import io.beseda.journey.engine.JourneyEngine;
import io.beseda.journey.engine.RunRef;
import io.beseda.journey.engine.RunState;
import io.beseda.journey.engine.Wake;
import io.beseda.workspace.WorkspaceId;

/**
 * Test mode: the journey's draft run for one real customer on a virtual clock, through the same engine, with
 * their real data, consents and send policy (asked as a dry run at each virtual moment), and nothing sent,
 * issued or called. The timeline says what would go out, when, on which channel, and why anything was skipped.
 */
@Service
public class TestRuns {

    private static final int MAX_WAKES = 200;

    private final JourneyCatalog catalog;
    private final Customers customers;
    private final CustomerHistory history;
    private final SimulatedPorts.Factory ports;
    private final Clock clock;

    TestRuns(JourneyCatalog catalog, Customers customers, CustomerHistory history, SimulatedPorts.Factory ports, Clock clock) {
        this.catalog = catalog;
        this.customers = customers;
        this.history = history;
        this.ports = ports;
        this.clock = clock;
    }

    /** Runs the journey's draft version (what the marketer is editing) for the customer. */
    public List<TimelineEntry> simulate(WorkspaceId workspace, UUID journeyId, CustomerId customer, TestScenario scenario) {
        var draft = catalog.draft(workspace, journeyId);
        customers.get(workspace, customer);
        return simulate(workspace, journeyId, draft.version(), draft.definition(), customer, scenario);
    }

    List<TimelineEntry> simulate(WorkspaceId workspace, UUID journeyId, int version, JourneyDefinition definition,
                                 CustomerId customer, TestScenario scenario) {
        var now = scenario.startAt() == null ? clock.instant() : scenario.startAt();
        var run = new RunRef(UUID.randomUUID(), workspace, journeyId, version, customer, now);
        var simulated = ports.create(definition, scenario);
        var engine = new JourneyEngine(simulated);
        var timeline = new ArrayList<TimelineEntry>();
        timeline.add(new TimelineEntry(now, "", "Вход", "вход в путь", null, null, trigger(definition.trigger())));
        simulated.at(now);
        var advance = engine.advance(run, definition, RunState.start(facts(workspace, customer, definition)), new Wake.Start(), now);
        for (int i = 0; i < MAX_WAKES; i++) {
            advance.executions().forEach(e -> timeline.add(entry(definition, e, simulated)));
            if (advance.status() != Advance.Status.ACTIVE) {
                timeline.add(new TimelineEntry(now, "", "Конец", advance.status() == Advance.Status.EXITED ? "выход" : "путь пройден",
                        null, null, endReason(advance.endReason())));
                return timeline;
            }
            if (simulated.purchased() != null) {
                var at = simulated.purchased();
                timeline.add(new TimelineEntry(at, "", "Цель", "покупка", null, null, "цель достигнута: покупатель выходит из пути"));
                return timeline;
            }
            var next = nextWake(advance, simulated, now);
            if (next == null) {
                timeline.add(new TimelineEntry(now, "", "Ожидание", "ждёт без срока", null, null, "путь ждёт события, которого в тесте нет"));
                return timeline;
            }
            now = next.at();
            simulated.at(now);
            advance = engine.advance(run, definition, advance.state(), next.wake(), now);
        }
        timeline.add(new TimelineEntry(now, "", "Стоп", "тест остановлен", null, null, "больше " + MAX_WAKES + " пробуждений"));
        return timeline;
    }

    private record Next(Instant at, Wake wake) {
    }

    private static Next nextWake(Advance advance, SimulatedPorts simulated, Instant now) {
        if (advance.waitingMessage() != null) {
            var fate = simulated.fate(advance.waitingMessage());
            if (fate != null) {
                return new Next(fate.at(), new Wake.MessageChanged(advance.waitingMessage(), fate.status(), fate.reason()));
            }
        }
        if (advance.state().phase() == RunState.Phase.WAITING_READ && simulated.read(advance.state().messageId())) {
            return new Next(now, new Wake.MessageChanged(advance.state().messageId(), MessageStatus.READ, ""));
        }
        if (advance.wakeAt() != null && advance.state().timerKey() != null) {
            return new Next(advance.wakeAt().isBefore(now) ? now : advance.wakeAt(), new Wake.Timer(advance.state().timerKey()));
        }
        return null;
    }

    /** What an event trigger would bring: for order journeys, the customer's latest order and its status. */
    private Map<String, String> facts(WorkspaceId workspace, CustomerId customer, JourneyDefinition definition) {
        var facts = new HashMap<String, String>();
        if (definition.trigger() instanceof Trigger.OrderStatusChanged) {
            history.orders(workspace, customer).stream().findFirst().ifPresent(order -> {
                facts.put("orderId", order.orderId());
                facts.put("event.orderId", order.orderId());
                facts.put("event.status", order.status());
            });
        }
        return facts;
    }

    private static TimelineEntry entry(JourneyDefinition definition, Execution e, SimulatedPorts simulated) {
        var name = definition.step(e.stepId()).map(Step::name).orElse(e.stepId());
        var text = e.messageId() == null ? null : simulated.text(e.messageId());
        return new TimelineEntry(e.at(), e.stepId(), name, what(e.outcome()), e.channel(), text, e.detail());
    }

    private static String what(String outcome) {
        return switch (outcome) {
            case "ENTERED" -> "шаг";
            case "QUEUED" -> "отправка";
            case "SENT" -> "отправлено";
            case "DELIVERED" -> "доставлено";
            case "READ" -> "прочитано";
            case "FAILED" -> "не доставлено";
            case "NOT_SENT" -> "пропуск";
            case "NOT_READ" -> "не прочитано вовремя";
            case "DEFERRED_ACTIVE" -> "ждёт: покупатель на сайте";
            case "CAPPED" -> "лимит пути";
            case "WAITING" -> "ожидание";
            case "THEN" -> "условие: да";
            case "OTHERWISE" -> "условие: нет";
            case "VARIANT" -> "вариант";
            case "CONTROL" -> "контрольная группа";
            case "EVENT" -> "событие";
            case "TIMEOUT" -> "время вышло";
            case "EXIT" -> "выход";
            default -> "готово";
        };
    }

    private static String trigger(Trigger trigger) {
        return switch (trigger) {
            case Trigger.CartAbandoned c -> "корзина без движения " + c.idle().toMinutes() + " мин";
            case Trigger.OrderStatusChanged o -> "статус заказа изменился" + (o.statuses().isEmpty() ? "" : " на " + String.join(", ", o.statuses()));
            case Trigger.EventOccurred e -> "событие «" + e.eventType() + "»";
            case Trigger.SegmentEntered s -> "вход в сегмент";
            case Trigger.ApiCall a -> "вызов API";
        };
    }

    private static String endReason(@org.jspecify.annotations.Nullable String reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "the last step is done" -> "последний шаг выполнен";
            case "control group" -> "контрольная группа: сообщений не получает";
            default -> reason;
        };
    }
}
