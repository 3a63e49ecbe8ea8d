package io.beseda.journey.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.CouponTerms;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;

/** Ports for engine tests: remembers what was sent and lets the test decide what the world looks like. */
final class FakePorts implements Ports {

    record Sent(String key, Channel channel, String body, UUID message) {
    }

    final List<Sent> sent = new ArrayList<>();
    final Set<Channel> unreachable = new HashSet<>();
    final Map<String, String> facts = new HashMap<>();
    final List<String> attributes = new ArrayList<>();
    List<Channel> preferred = List.of();
    @Nullable Instant lastActivity;
    ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
    int coupons;

    @Override
    public SendAttempt send(RunRef run, RunState state, Step.Send step, Channel channel, Message message, String key) {
        if (unreachable.contains(channel)) {
            return new SendAttempt.NotSent("UNREACHABLE", "нет адреса");
        }
        var existing = sent.stream().filter(s -> s.key().equals(key)).findFirst();
        if (existing.isPresent()) {
            return new SendAttempt.Queued(existing.get().message());
        }
        var id = UUID.nameUUIDFromBytes(key.getBytes());
        sent.add(new Sent(key, channel, message.body(), id));
        return new SendAttempt.Queued(id);
    }

    @Override
    public @Nullable Instant lastActivity(RunRef run) {
        return lastActivity;
    }

    @Override
    public int messagesSince(RunRef run, Instant since) {
        return sent.size();
    }

    @Override
    public List<Channel> preferredChannels(RunRef run) {
        return preferred;
    }

    @Override
    public @Nullable String fact(RunRef run, RunState state, String field) {
        return switch (field) {
            case "previous.outcome" -> state.lastOutcome();
            case "sent.channels" -> String.join(",", state.reached().stream().map(Channel::name).toList());
            default -> facts.get(field);
        };
    }

    @Override
    public boolean inSegment(RunRef run, UUID segment) {
        return facts.containsKey("segment:" + segment);
    }

    @Override
    public RunState.IssuedCoupon issueCoupon(RunRef run, CouponTerms terms, String key) {
        coupons++;
        return new RunState.IssuedCoupon(terms.prefix() + "-" + Math.abs(key.hashCode()), terms.discount(), Instant.EPOCH.plus(terms.validFor()));
    }

    @Override
    public String setAttribute(RunRef run, String attribute, @Nullable String value) {
        attributes.add(attribute + "=" + value);
        return "сделано";
    }

    @Override
    public String callWebhook(RunRef run, RunState state, Step.CallWebhook step, String key) {
        return "HTTP 200";
    }

    @Override
    public ZoneId zone(RunRef run) {
        return zone;
    }
}
