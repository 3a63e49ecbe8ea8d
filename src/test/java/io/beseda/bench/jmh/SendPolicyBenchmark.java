package io.beseda.bench.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.OrganisationType;
import io.beseda.consent.SendDecision;
import io.beseda.consent.SendPolicySettings;
import io.beseda.consent.policy.MarketingSend;
import io.beseda.consent.policy.PolicyRequest;
import io.beseda.consent.policy.PolicySnapshot;
import io.beseda.consent.policy.SendRules;

/**
 * The send rules deciding in warm state, over a mix of the cases a campaign meets: customers across
 * Russia's time zones, some inside quiet hours, some at their caps, some without consent, WhatsApp
 * outside its window. Database access is not part of it: the engine is what sits in every send's path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SendPolicyBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-10T17:30:00Z");
    private static final String[] ZONES = {"Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
            "Asia/Novosibirsk", "Asia/Vladivostok", "Asia/Kamchatka"};

    private final SendRules rules = new SendRules();
    private PolicyRequest[] requests = new PolicyRequest[0];
    private PolicySnapshot[] snapshots = new PolicySnapshot[0];
    private int next;

    @Setup
    public void prepare() {
        var settings = new SendPolicySettings(OrganisationType.OTHER, EnumSet.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER),
                2, 5, 1, 3, LocalTime.of(21, 0), LocalTime.of(9, 0), true);
        var channels = List.of(Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.WHATSAPP, Channel.TELEGRAM);
        var cases = 256;
        requests = new PolicyRequest[cases];
        snapshots = new PolicySnapshot[cases];
        for (var i = 0; i < cases; i++) {
            var channel = channels.get(i % channels.size());
            var category = i % 7 == 0 ? MessageCategory.SERVICE : i % 11 == 0 ? MessageCategory.REPLY : MessageCategory.MARKETING;
            requests[i] = new PolicyRequest(channel, category, NOW.plus(Duration.ofMinutes(37L * i)), i % 13 == 0);
            snapshots[i] = new PolicySnapshot(false, ZoneId.of(ZONES[i % ZONES.length]), settings,
                    i % 9 == 0 ? ConsentStatus.WITHDRAWN : ConsentStatus.GRANTED, i % 31 == 0, sends(i), lastInbound(i));
        }
    }

    @Benchmark
    public SendDecision decide() {
        var i = next++ & (requests.length - 1);
        return rules.decide(requests[i], snapshots[i]);
    }

    /** Between none and four marketing messages in the last week, some inside the last day. */
    private static List<MarketingSend> sends(int i) {
        return switch (i % 5) {
            case 0 -> List.of();
            case 1 -> List.of(new MarketingSend(Channel.SMS, NOW.minus(Duration.ofHours(3))));
            case 2 -> List.of(new MarketingSend(Channel.EMAIL, NOW.minus(Duration.ofDays(2))),
                    new MarketingSend(Channel.PUSH, NOW.minus(Duration.ofDays(4))));
            case 3 -> List.of(new MarketingSend(Channel.SMS, NOW.minus(Duration.ofHours(20))),
                    new MarketingSend(Channel.EMAIL, NOW.minus(Duration.ofHours(2))));
            default -> List.of(new MarketingSend(Channel.PUSH, NOW.minus(Duration.ofDays(1))),
                    new MarketingSend(Channel.SMS, NOW.minus(Duration.ofDays(3))),
                    new MarketingSend(Channel.EMAIL, NOW.minus(Duration.ofDays(5))),
                    new MarketingSend(Channel.PUSH, NOW.minus(Duration.ofDays(6))));
        };
    }

    private static @Nullable Instant lastInbound(int i) {
        return i % 3 == 0 ? null : NOW.minus(Duration.ofHours(i % 48));
    }
}
