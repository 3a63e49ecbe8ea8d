package io.beseda.journey.definition;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.MessageCategory;

/**
 * Everything one version of a journey does.
 *
 * @param category       what its messages are by law: MARKETING (consent, caps and quiet hours apply) or SERVICE
 * @param messageCap     at most this many messages to one customer from this journey within {@code capPeriod}
 * @param activeQuietFor a marketing send waits while the customer was on the site within this time (they are shopping)
 */
public record JourneyDefinition(Trigger trigger, List<Step> steps, @Nullable Goal goal, EntryRule entry,
                                MessageCategory category, int messageCap, Duration capPeriod, Duration activeQuietFor) {

    public JourneyDefinition {
        steps = List.copyOf(steps);
        if (messageCap < 1 || !capPeriod.isPositive() || activeQuietFor.isNegative()) {
            throw new IllegalArgumentException("A journey allows at least one message per positive period");
        }
        if (category == MessageCategory.REPLY) {
            throw new IllegalArgumentException("A journey's messages are marketing or service, never replies");
        }
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step after {@code step}: its own next, or the following one in the list; empty at the end. */
    public Optional<Step> after(Step step, @Nullable String next) {
        if (next != null) {
            return step(next);
        }
        var index = steps.indexOf(step);
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    public Optional<Step> first() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.getFirst());
    }
}
