package io.beseda.journey.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageStatus;
import io.beseda.channel.Reachability;
import io.beseda.consent.Channel;
import io.beseda.consent.SendDecision;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.SendRequest;
import io.beseda.journey.definition.CouponTerms;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.engine.Ports;
import io.beseda.journey.engine.RunRef;
import io.beseda.journey.engine.RunState;
import io.beseda.journey.template.ChannelTemplate;
import io.beseda.journey.template.CouponSpec;
import io.beseda.journey.template.Previews;
import io.beseda.journey.template.TemplateProblem;

/**
 * The ports of a test run: facts come from the real customer (through {@link JourneyPorts}), the send policy
 * is asked as a dry run at the virtual moment, and nothing is sent, issued, changed or called.
 */
final class SimulatedPorts implements Ports {

    /** What becomes of a message that would go out: when it arrives (after a deferral), or that it does not. */
    record Fate(Instant at, MessageStatus status, String reason) {
    }

    @Component
    static class Factory {
        private final JourneyPorts real;
        private final Reachability reachability;
        private final SendPolicy policy;
        private final Previews previews;

        Factory(JourneyPorts real, Reachability reachability, SendPolicy policy, Previews previews) {
            this.real = real;
            this.reachability = reachability;
            this.policy = policy;
            this.previews = previews;
        }

        SimulatedPorts create(JourneyDefinition definition, TestScenario scenario) {
            return new SimulatedPorts(this, definition, scenario);
        }
    }

    private final Factory world;
    private final JourneyDefinition definition;
    private final TestScenario scenario;
    private final Map<UUID, Fate> fates = new HashMap<>();
    private final Map<UUID, String> texts = new HashMap<>();
    private final Set<UUID> arrived = new HashSet<>();
    private final java.util.ArrayList<Instant> sent = new java.util.ArrayList<>();
    private @Nullable Instant purchased;
    private @Nullable UUID purchaseAfter;

    private SimulatedPorts(Factory world, JourneyDefinition definition, TestScenario scenario) {
        this.world = world;
        this.definition = definition;
        this.scenario = scenario;
    }

    @Override
    public SendAttempt send(RunRef run, RunState state, Step.Send step, Channel channel, Message message, String key) {
        if (!world.reachability.reachable(run.workspace(), run.customer(), channel)) {
            return new SendAttempt.NotSent("UNREACHABLE", "у покупателя нет адреса или подписки для канала " + channel);
        }
        String text;
        try {
            var spec = state.coupon() == null ? new CouponSpec("TEST", "10 %", java.time.Duration.ofDays(3))
                    : new CouponSpec("TEST", state.coupon().discount(), java.time.Duration.ofDays(3));
            var rendered = world.previews.preview(run.workspace(), run.customer(), new ChannelTemplate(message.subject(), message.body()),
                    channel, spec);
            text = (rendered.subject() == null ? "" : rendered.subject() + "\n\n") + rendered.body();
        } catch (TemplateProblem problem) {
            return new SendAttempt.NotSent("TEMPLATE", String.valueOf(problem.getMessage()));
        }
        var at = clockNow != null ? clockNow : run.enteredAt();
        var decision = world.policy.check(run.workspace(), new SendRequest(run.customer(), channel, definition.category(), at,
                false, null, "journey-test-run"), "journey test run").decision();
        var id = UUID.randomUUID();
        texts.put(id, text);
        if (decision.outcome() == SendDecision.Outcome.DENY) {
            fates.put(id, new Fate(at, MessageStatus.FAILED, decision.reason().name() + ": " + decision.detail()));
        } else {
            var goesAt = decision.outcome() == SendDecision.Outcome.DEFER ? decision.deferUntil() : at;
            var lost = scenario.undelivered().contains(channel);
            fates.put(id, new Fate(goesAt, lost ? MessageStatus.FAILED : MessageStatus.SENT,
                    lost ? "в тесте сообщения по " + channel + " не доходят"
                            : decision.outcome() == SendDecision.Outcome.DEFER ? "отложено до " + goesAt + ": " + decision.detail() : ""));
            if (!lost) {
                sent.add(goesAt);
                arrived.add(id);
                if (step.id().equals(scenario.purchaseAfterStep())) {
                    purchaseAfter = id;
                }
            }
        }
        return new SendAttempt.Queued(id);
    }

    /** The virtual moment the engine is working at (the test run moves it from wake to wake). */
    private @Nullable Instant clockNow;

    void at(Instant now) {
        this.clockNow = now;
    }

    /** The message's fate, once; the customer of a purchase scenario buys when the message they buy after arrives. */
    @Nullable Fate fate(UUID message) {
        var fate = fates.remove(message);
        if (fate != null && message.equals(purchaseAfter)) {
            purchased = fate.at();
        }
        return fate;
    }

    boolean read(@Nullable UUID message) {
        return message != null && scenario.readEverything() && arrived.contains(message);
    }

    @Nullable String text(UUID message) {
        return texts.get(message);
    }

    @Nullable Instant purchased() {
        return purchased;
    }

    @Override
    public @Nullable Instant lastActivity(RunRef run) {
        return null;
    }

    @Override
    public int messagesSince(RunRef run, Instant since) {
        return (int) sent.stream().filter(at -> !at.isBefore(since)).count();
    }

    @Override
    public List<Channel> preferredChannels(RunRef run) {
        return world.real.preferredChannels(run);
    }

    @Override
    public @Nullable String fact(RunRef run, RunState state, String field) {
        return world.real.fact(run, state, field);
    }

    @Override
    public boolean inSegment(RunRef run, UUID segment) {
        return world.real.inSegment(run, segment);
    }

    @Override
    public RunState.IssuedCoupon issueCoupon(RunRef run, CouponTerms terms, String key) {
        return new RunState.IssuedCoupon("TEST-" + terms.prefix(), terms.discount(), (clockNow == null ? run.enteredAt() : clockNow).plus(terms.validFor()));
    }

    @Override
    public String setAttribute(RunRef run, String attribute, @Nullable String value) {
        return "в тесте профиль не меняется";
    }

    @Override
    public String callWebhook(RunRef run, RunState state, Step.CallWebhook step, String key) {
        return "в тесте не вызывается: " + step.url();
    }

    @Override
    public ZoneId zone(RunRef run) {
        return world.real.zone(run);
    }
}
