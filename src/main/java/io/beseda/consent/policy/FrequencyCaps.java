package io.beseda.consent.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.DecisionReason;
import io.beseda.consent.SendPolicySettings;

/**
 * Rolling-window caps on marketing messages: a message sent at {@code s} counts for a decision at
 * {@code t} while {@code t - window < s <= t}, so the window frees at exactly {@code s + window}.
 */
final class FrequencyCaps {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private FrequencyCaps() {
    }

    /** The cap that holds the message back longest, or null when every cap lets it through now. */
    static @Nullable CapBreach check(SendPolicySettings settings, List<MarketingSend> sends, Channel channel,
                                     Instant at, ZoneId zone) {
        CapBreach worst = null;
        worst = worse(worst, breach(DecisionReason.DAILY_CAP, settings.marketingPerDay(), null, DAY, sends, at, zone));
        worst = worse(worst, breach(DecisionReason.WEEKLY_CAP, settings.marketingPerWeek(), null, WEEK, sends, at, zone));
        worst = worse(worst, breach(DecisionReason.CHANNEL_DAILY_CAP, settings.marketingPerDayPerChannel(), channel, DAY,
                sends, at, zone));
        return worse(worst, breach(DecisionReason.CHANNEL_WEEKLY_CAP, settings.marketingPerWeekPerChannel(), channel,
                WEEK, sends, at, zone));
    }

    private static @Nullable CapBreach breach(DecisionReason reason, int cap, @Nullable Channel channel, Duration window,
                                              List<MarketingSend> sends, Instant at, ZoneId zone) {
        var scope = (channel == null ? "across channels" : "in " + channel) + " in the last " + describe(window);
        if (cap == 0) {
            return new CapBreach(reason, null, "The cap on marketing " + scope + " is 0");
        }
        var inWindow = new Instant[sends.size()];
        var count = 0;
        var from = at.minus(window);
        for (var send : sends) {
            if ((channel == null || send.channel() == channel) && send.sentAt().isAfter(from) && !send.sentAt().isAfter(at)) {
                inWindow[count++] = send.sentAt();
            }
        }
        if (count < cap) {
            return null;
        }
        // Sends are in time order: once the (count - cap + 1)-th oldest leaves the window, cap - 1 remain.
        var freeAt = inWindow[count - cap].plus(window);
        return new CapBreach(reason, freeAt, count + " marketing messages " + scope + " (cap " + cap
                + "); the window frees at " + Moments.local(freeAt, zone));
    }

    private static @Nullable CapBreach worse(@Nullable CapBreach a, @Nullable CapBreach b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.never() || b.never()) {
            return a.never() ? a : b;
        }
        return b.freeAt().isAfter(a.freeAt()) ? b : a;
    }

    private static String describe(Duration window) {
        return window.equals(DAY) ? "24 h" : "7 days";
    }
}
