package io.beseda.journey.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * Where a run is and what it remembers; stored with the run, so a restarted node continues exactly here.
 *
 * @param stepId       the current step; null before the first
 * @param phase        what the current step is waiting for
 * @param timerKey     the key of the one timer that may wake the run now; a stale timer finds a different key
 * @param chain        a send's channels in the order they are tried
 * @param channelIndex the channel of the chain being tried
 * @param facts        what the trigger brought (order id, status, event properties)
 */
public record RunState(@Nullable String stepId, Phase phase, @Nullable String timerKey, List<Channel> chain,
                       int channelIndex, @Nullable UUID messageId, @Nullable String variant, @Nullable IssuedCoupon coupon,
                       @Nullable String lastOutcome, List<Channel> reached, int messages, Map<String, String> facts) {

    public enum Phase { READY, WAITING_TIMER, WAITING_MESSAGE, WAITING_READ, WAITING_EVENT }

    /** A coupon the run issued, for the templates that follow. */
    public record IssuedCoupon(String code, String discount, Instant validUntil) {
    }

    public RunState {
        chain = List.copyOf(chain);
        reached = List.copyOf(reached);
        facts = Map.copyOf(facts);
    }

    public static RunState start(Map<String, String> facts) {
        return new RunState(null, Phase.READY, null, List.of(), 0, null, null, null, null, List.of(), 0, facts);
    }

    RunState at(String step) {
        return new RunState(step, Phase.READY, null, List.of(), 0, null, variant, coupon, lastOutcome, reached, messages, facts);
    }

    RunState waitingTimer(String key) {
        return new RunState(stepId, Phase.WAITING_TIMER, key, chain, channelIndex, messageId, variant, coupon, lastOutcome,
                reached, messages, facts);
    }

    RunState waitingEvent(String key) {
        return new RunState(stepId, Phase.WAITING_EVENT, key, chain, channelIndex, messageId, variant, coupon, lastOutcome,
                reached, messages, facts);
    }

    RunState trying(List<Channel> chain, int index) {
        return new RunState(stepId, Phase.READY, null, chain, index, null, variant, coupon, lastOutcome, reached, messages, facts);
    }

    RunState waitingMessage(UUID message) {
        return new RunState(stepId, Phase.WAITING_MESSAGE, null, chain, channelIndex, message, variant, coupon, lastOutcome,
                reached, messages, facts);
    }

    RunState waitingRead(String key) {
        return new RunState(stepId, Phase.WAITING_READ, key, chain, channelIndex, messageId, variant, coupon, lastOutcome,
                reached, messages, facts);
    }

    RunState sentOn(Channel channel) {
        var now = new ArrayList<>(reached);
        if (!now.contains(channel)) {
            now.add(channel);
        }
        return new RunState(stepId, phase, timerKey, chain, channelIndex, messageId, variant, coupon, lastOutcome, now,
                messages + 1, facts);
    }

    RunState outcome(String outcome) {
        return new RunState(stepId, phase, timerKey, chain, channelIndex, messageId, variant, coupon, outcome, reached,
                messages, facts);
    }

    RunState withVariant(String chosen) {
        return new RunState(stepId, phase, timerKey, chain, channelIndex, messageId, chosen, coupon, lastOutcome, reached,
                messages, facts);
    }

    RunState withCoupon(IssuedCoupon issued) {
        return new RunState(stepId, phase, timerKey, chain, channelIndex, messageId, variant, issued, lastOutcome, reached,
                messages, facts);
    }

    public @Nullable Channel channel() {
        return channelIndex < chain.size() ? chain.get(channelIndex) : null;
    }
}
