package io.beseda.consent.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.beseda.consent.Channel;
import io.beseda.consent.DecisionReason;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.SendDecision;
import io.beseda.consent.SendDecision.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours follow the customer's own clock across Russia's eleven time zones: one campaign launched at
 * 20:30 Moscow time reaches Kaliningrad in the evening and waits for the morning in Kamchatka.
 */
class RussianTimeZonesTests {

    /** 20:30 in Moscow on 10 March 2026. */
    private static final Instant LAUNCH = Instant.parse("2026-03-10T17:30:00Z");

    private final SendRules rules = new SendRules();

    @ParameterizedTest(name = "{0}: {1} local → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            Europe/Kaliningrad, 2026-03-10T19:30, -
            Europe/Moscow,      2026-03-10T20:30, -
            Europe/Samara,      2026-03-10T21:30, 2026-03-11T09:00
            Asia/Yekaterinburg, 2026-03-10T22:30, 2026-03-11T09:00
            Asia/Omsk,          2026-03-10T23:30, 2026-03-11T09:00
            Asia/Novosibirsk,   2026-03-11T00:30, 2026-03-11T09:00
            Asia/Irkutsk,       2026-03-11T01:30, 2026-03-11T09:00
            Asia/Yakutsk,       2026-03-11T02:30, 2026-03-11T09:00
            Asia/Vladivostok,   2026-03-11T03:30, 2026-03-11T09:00
            Asia/Magadan,       2026-03-11T04:30, 2026-03-11T09:00
            Asia/Kamchatka,     2026-03-11T05:30, 2026-03-11T09:00
            """)
    void marketingLaunchedAtHalfPastEightMoscowTimeWaitsForEachCustomersMorning(String zoneId, String localAtLaunch,
                                                                               @Nullable String deferredToLocal) {
        var zone = ZoneId.of(zoneId);
        assertThat(LAUNCH.atZone(zone).toLocalDateTime()).hasToString(localAtLaunch);

        var decision = marketing(zone, LAUNCH);

        if (deferredToLocal == null) {
            assertThat(decision.outcome()).as(decision.detail()).isEqualTo(Outcome.ALLOW);
        } else {
            assertThat(decision.outcome()).isEqualTo(Outcome.DEFER);
            assertThat(decision.reason()).isEqualTo(DecisionReason.QUIET_HOURS);
            assertThat(decision.deferUntil().atZone(zone).toLocalDateTime()).hasToString(deferredToLocal);
        }
    }

    @Test
    void halfPastEightInKaliningradIsStillDaytime() {
        var kaliningrad = ZoneId.of("Europe/Kaliningrad");
        var halfPastEight = ZonedDateTime.of(2026, 3, 10, 20, 30, 0, 0, kaliningrad).toInstant();

        assertThat(marketing(kaliningrad, halfPastEight).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void halfPastEightMoscowTimeIsHalfPastFiveNextMorningInKamchatkaAndWaitsUntilNine() {
        var kamchatka = ZoneId.of("Asia/Kamchatka");
        var moscowEvening = ZonedDateTime.of(2026, 3, 10, 20, 30, 0, 0, ZoneId.of("Europe/Moscow")).toInstant();

        var decision = marketing(kamchatka, moscowEvening);

        assertThat(decision.outcome()).isEqualTo(Outcome.DEFER);
        assertThat(decision.deferUntil()).isEqualTo(ZonedDateTime.of(2026, 3, 11, 9, 0, 0, 0, kamchatka).toInstant());
        assertThat(decision.detail()).contains("2026-03-11 05:30 Asia/Kamchatka", "2026-03-11 09:00 Asia/Kamchatka");
    }

    private SendDecision marketing(ZoneId zone, Instant at) {
        return rules.decide(new PolicyRequest(Channel.SMS, MessageCategory.MARKETING, at, false),
                Given.customer().in(zone).snapshot());
    }
}
