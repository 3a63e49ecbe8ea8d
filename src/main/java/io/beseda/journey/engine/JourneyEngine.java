package io.beseda.journey.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.MessageCategory;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Step;
import io.beseda.journey.engine.RunState.Phase;

/**
 * Moves one run through its journey: from where it stands, step after step, until a step has to wait (a
 * timer, a message's fate, the customer's next event) or the run ends. Deterministic for the same inputs and
 * free of Spring and SQL; the world is behind {@link Ports}.
 */
public final class JourneyEngine {

    /** A journey without loops never needs more in one go; the bound only guards against a broken definition. */
    private static final int MAX_STEPS_AT_ONCE = 200;

    private final Ports ports;

    public JourneyEngine(Ports ports) {
        this.ports = ports;
    }

    public Advance advance(RunRef run, JourneyDefinition journey, RunState state, Wake wake, Instant now) {
        var work = new Work(run, journey, now);
        return work.go(state, wake);
    }

    /** One advance: collects what the steps did while it moves. */
    private final class Work {

        private final RunRef run;
        private final JourneyDefinition journey;
        private final Instant now;
        private final List<Execution> done = new ArrayList<>();

        Work(RunRef run, JourneyDefinition journey, Instant now) {
            this.run = run;
            this.journey = journey;
            this.now = now;
        }

        Advance go(RunState state, Wake wake) {
            if (state.stepId() == null) {
                if (!(wake instanceof Wake.Start)) {
                    return unchanged(state);
                }
                return journey.first().map(first -> run(state.at(first.id()))).orElseGet(() -> ended(state, Advance.Status.COMPLETED, "no steps"));
            }
            var step = journey.step(state.stepId()).orElse(null);
            if (step == null) {
                return ended(state, Advance.Status.EXITED, "step " + state.stepId() + " is not in this version");
            }
            return switch (state.phase()) {
                case READY -> wake instanceof Wake.Start || wake instanceof Wake.Timer t && t.key().equals(state.timerKey())
                        ? run(state) : unchanged(state);
                case WAITING_TIMER -> wake instanceof Wake.Timer t && t.key().equals(state.timerKey()) ? timerFired(step, state) : unchanged(state);
                case WAITING_EVENT -> eventWait((Step.WaitForEvent) step, state, wake);
                case WAITING_MESSAGE, WAITING_READ -> messageWait((Step.Send) step, state, wake);
            };
        }

        /** Runs steps from the current one (phase READY) until one waits or the journey ends. */
        private Advance run(RunState state) {
            var current = state;
            for (int i = 0; i < MAX_STEPS_AT_ONCE; i++) {
                var step = journey.step(current.stepId()).orElseThrow();
                var result = execute(step, current);
                if (result.advance != null) {
                    return result.advance;
                }
                var next = result.next;
                if (next.isEmpty()) {
                    return ended(result.state, Advance.Status.COMPLETED, "the last step is done");
                }
                current = result.state.at(next.get().id());
            }
            return ended(current, Advance.Status.EXITED, "too many steps at once: the journey loops");
        }

        private record Result(RunState state, Optional<Step> next, @Nullable Advance advance) {
        }

        private Result onwards(Step step, RunState state, @Nullable String target) {
            return new Result(state, journey.after(step, target), null);
        }

        private Result waits(Advance advance) {
            return new Result(advance.state(), Optional.empty(), advance);
        }

        private Result execute(Step step, RunState state) {
            return switch (step) {
                case Step.Send send -> startSend(send, state);
                case Step.Delay delay -> waitUntil(step, state, now.plus(delay.duration()), "delay");
                case Step.WaitUntilTime until -> waitUntil(step, state, Moments.next(now, until.time(), ports.zone(run)), "time");
                case Step.WaitForEvent wait -> {
                    var key = step.id() + ":event";
                    note(step, step.id(), "wait", "WAITING", null, null, "ждём «" + wait.eventType() + "» до " + now.plus(wait.timeout()));
                    yield waits(waiting(state.waitingEvent(key), now.plus(wait.timeout()), null, wait.eventType()));
                }
                case Step.Branch branch -> {
                    var holds = branch.conditions().stream().allMatch(c -> Conditions.test(c, run, state, ports));
                    note(step, step.id(), "branch", holds ? "THEN" : "OTHERWISE", null, null, holds ? "условие выполнено" : "условие не выполнено");
                    yield onwards(step, state, holds ? branch.then() : branch.otherwise());
                }
                case Step.Split split -> {
                    var variant = Splits.choose(run.id(), split);
                    note(step, step.id(), "split", variant.control() ? "CONTROL" : "VARIANT", null, null, variant.name());
                    var chosen = state.withVariant(split.id() + ":" + variant.name());
                    yield variant.control() ? waits(ended(chosen, Advance.Status.COMPLETED, "control group"))
                            : onwards(step, chosen, variant.next());
                }
                case Step.SetAttribute set -> {
                    var answer = ports.setAttribute(run, set.attribute(), set.value());
                    note(step, step.id(), "attribute", "DONE", null, null, set.attribute() + " = " + set.value() + ": " + answer);
                    yield onwards(step, state, set.next());
                }
                case Step.IssueCoupon coupon -> {
                    var issued = ports.issueCoupon(run, coupon.terms(), run.id() + ":" + step.id());
                    note(step, step.id(), "coupon", "DONE", null, null, issued.code());
                    yield onwards(step, state.withCoupon(issued), coupon.next());
                }
                case Step.CallWebhook webhook -> {
                    var answer = ports.callWebhook(run, state, webhook, run.id() + ":" + step.id());
                    note(step, step.id(), "webhook", "DONE", null, null, answer);
                    yield onwards(step, state, webhook.next());
                }
                case Step.Exit exit -> {
                    note(step, step.id(), "exit", "EXIT", null, null, "выход по шагу «" + exit.name() + "»");
                    yield waits(ended(state, Advance.Status.EXITED, "exit step " + exit.id()));
                }
            };
        }

        private Result waitUntil(Step step, RunState state, Instant until, String what) {
            var capped = until.isAfter(now.plus(ports.longestWait())) ? now.plus(ports.longestWait()) : until;
            var key = step.id() + ":" + what;
            note(step, step.id(), what, "WAITING", null, null, "до " + capped);
            return waits(waiting(state.waitingTimer(key), capped, null, null));
        }

        private Advance timerFired(Step step, RunState state) {
            var result = onwards(step, state, step.next());
            return result.next.map(next -> run(state.at(next.id())))
                    .orElseGet(() -> ended(state, Advance.Status.COMPLETED, "the last step is done"));
        }

        private Advance eventWait(Step.WaitForEvent step, RunState state, Wake wake) {
            if (wake instanceof Wake.EventSeen seen && seen.eventType().equals(step.eventType())) {
                note(step, step.id() + ":seen", "wait", "EVENT", null, null, step.eventType());
                return continueAfter(step, state, step.next());
            }
            if (wake instanceof Wake.Timer timer && timer.key().equals(state.timerKey())) {
                note(step, step.id() + ":timeout", "wait", "TIMEOUT", null, null, "«" + step.eventType() + "» не случилось");
                return continueAfter(step, state, step.onTimeout());
            }
            return unchanged(state);
        }

        private Advance continueAfter(Step step, RunState state, @Nullable String target) {
            return journey.after(step, target).map(next -> run(state.at(next.id())))
                    .orElseGet(() -> ended(state, Advance.Status.COMPLETED, "the last step is done"));
        }

        // --- sending ---------------------------------------------------------------------------------------

        private Result startSend(Step.Send send, RunState state) {
            if (state.chain().isEmpty()) {
                if (journey.category() == MessageCategory.MARKETING && !journey.activeQuietFor().isZero()) {
                    var active = ports.lastActivity(run);
                    if (active != null && active.plus(journey.activeQuietFor()).isAfter(now)) {
                        var until = active.plus(journey.activeQuietFor());
                        var key = send.id() + ":active:" + until.toEpochMilli();
                        note(send, key, "send", "DEFERRED_ACTIVE", null, null, "покупатель сейчас на сайте: ждём до " + until);
                        var ready = new RunState(state.stepId(), Phase.READY, key, List.of(), 0, null, state.variant(),
                                state.coupon(), state.lastOutcome(), state.reached(), state.messages(), state.facts());
                        return waits(new Advance(true, ready, Advance.Status.ACTIVE, null, done, until, null, null));
                    }
                }
                var sent = ports.messagesSince(run, now.minus(journey.capPeriod()));
                if (sent >= journey.messageCap()) {
                    note(send, send.id(), "send", "CAPPED", null, null, "лимит пути: " + sent + " из " + journey.messageCap() + " сообщений");
                    return onwards(send, state.outcome("NOT_SENT"), send.next());
                }
                note(send, send.id(), "send", "ENTERED", null, null, "каналы: " + send.channels());
                var preferred = send.bestChannel() && send.channels().size() > 1 ? ports.preferredChannels(run) : List.<io.beseda.consent.Channel>of();
                return tryChannels(send, state.trying(Chains.order(send, preferred), 0));
            }
            return tryChannels(send, state);
        }

        /** From the run's channel index on: queue on the first channel that takes it, or go on when none does. */
        private Result tryChannels(Step.Send send, RunState state) {
            var current = state;
            while (current.channel() != null) {
                var channel = current.channel();
                var key = run.id() + ":" + send.id() + ":" + channel;
                var attempt = ports.send(run, current, send, channel, send.messages().get(channel), key);
                switch (attempt) {
                    case Ports.SendAttempt.Queued queued -> {
                        note(send, send.id() + ":" + channel, "send", "QUEUED", channel, queued.messageId(), "в очереди");
                        return waits(waiting(current.waitingMessage(queued.messageId()), null, queued.messageId(), null));
                    }
                    case Ports.SendAttempt.NotSent notSent -> {
                        note(send, send.id() + ":" + channel, "send", "NOT_SENT", channel, null, notSent.reason() + ": " + notSent.detail());
                        current = current.trying(current.chain(), current.channelIndex() + 1);
                    }
                }
            }
            note(send, send.id() + ":none", "send", "NOT_SENT", null, null, "ни один канал не доставил");
            return onwards(send, current.outcome("NOT_SENT"), send.next());
        }

        private Advance messageWait(Step.Send send, RunState state, Wake wake) {
            if (wake instanceof Wake.Timer timer && state.phase() == Phase.WAITING_READ && timer.key().equals(state.timerKey())) {
                note(send, send.id() + ":" + state.channel() + ":unread", "send", "NOT_READ", state.channel(), state.messageId(),
                        "не прочитано за " + send.readWithin());
                return failover(send, state, true);
            }
            if (!(wake instanceof Wake.MessageChanged changed) || !changed.messageId().equals(state.messageId())) {
                return unchanged(state);
            }
            var channel = state.channel();
            var key = send.id() + ":" + channel + ":" + changed.status();
            return switch (changed.status()) {
                case QUEUED, SENDING -> unchanged(state);
                case FAILED -> {
                    note(send, key, "send", "FAILED", channel, state.messageId(), changed.reason());
                    yield failover(send, state, false);
                }
                case SENT, DELIVERED -> {
                    if (state.phase() == Phase.WAITING_READ) {
                        note(send, key, "send", changed.status().name(), channel, state.messageId(), "");
                        yield unchanged(state, true);
                    }
                    note(send, key, "send", changed.status().name(), channel, state.messageId(), "");
                    var sent = state.sentOn(channel).outcome(changed.status().name());
                    if (send.readWithin() != null) {
                        var readKey = send.id() + ":" + channel + ":read";
                        yield waiting(sent.waitingRead(readKey), now.plus(send.readWithin()), state.messageId(), null);
                    }
                    yield continueAfter(send, sent, send.next());
                }
                case READ -> {
                    note(send, key, "send", "READ", channel, state.messageId(), "");
                    var read = (state.phase() == Phase.WAITING_READ ? state : state.sentOn(channel)).outcome("READ");
                    yield continueAfter(send, read, send.next());
                }
            };
        }

        /** The message did not arrive (or was not read in time): the next channel of the chain, or onwards. */
        private Advance failover(Step.Send send, RunState state, boolean wasSent) {
            var next = state.trying(state.chain(), state.channelIndex() + 1);
            var result = tryChannels(send, wasSent ? next.outcome("SENT") : next);
            if (result.advance != null) {
                return result.advance;
            }
            var outcome = wasSent ? "SENT" : "NOT_SENT";
            return result.next.map(step -> run(result.state.outcome(outcome).at(step.id())))
                    .orElseGet(() -> ended(result.state.outcome(outcome), Advance.Status.COMPLETED, "the last step is done"));
        }

        // --- results ---------------------------------------------------------------------------------------

        private void note(Step step, String key, String kind, String outcome, io.beseda.consent.@Nullable Channel channel,
                          @Nullable UUID message, String detail) {
            done.add(new Execution(step.id(), key, kind, outcome, channel, message, detail, now));
        }

        private Advance waiting(RunState state, @Nullable Instant wakeAt, @Nullable UUID message, @Nullable String event) {
            return new Advance(true, state, Advance.Status.ACTIVE, null, done, wakeAt, message, event);
        }

        /** The run is over: its state keeps where it ended, and no timer or message can wake it any more. */
        private Advance ended(RunState state, Advance.Status status, String reason) {
            var over = new RunState(state.stepId(), Phase.READY, null, state.chain(), state.channelIndex(), null, state.variant(),
                    state.coupon(), state.lastOutcome(), state.reached(), state.messages(), state.facts());
            return new Advance(true, over, status, reason, done, null, null, null);
        }

        private Advance unchanged(RunState state) {
            return unchanged(state, false);
        }

        /** Still waiting as before (with anything noted on the way, such as a delivery while waiting to be read). */
        private Advance unchanged(RunState state, boolean noted) {
            var event = state.phase() == Phase.WAITING_EVENT ? journey.step(state.stepId()).map(s -> ((Step.WaitForEvent) s).eventType()).orElse(null) : null;
            var message = state.phase() == Phase.WAITING_MESSAGE || state.phase() == Phase.WAITING_READ ? state.messageId() : null;
            return new Advance(noted, state, Advance.Status.ACTIVE, null, done, null, message, event);
        }
    }
}
