package io.beseda.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open time is counted in the inbox's zone, across lunch breaks, nights and weekends. */
class BusinessHoursTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    private static final BusinessHours SPLIT_WEEKDAYS = new BusinessHours(Map.of(
            DayOfWeek.MONDAY, List.of(BusinessHours.Interval.of("09:00", "13:00"), BusinessHours.Interval.of("14:00", "18:00")),
            DayOfWeek.TUESDAY, List.of(BusinessHours.Interval.of("09:00", "13:00"), BusinessHours.Interval.of("14:00", "18:00")),
            DayOfWeek.WEDNESDAY, List.of(BusinessHours.Interval.of("09:00", "18:00")),
            DayOfWeek.THURSDAY, List.of(BusinessHours.Interval.of("09:00", "18:00")),
            DayOfWeek.FRIDAY, List.of(BusinessHours.Interval.of("09:00", "18:00"))));

    @Test
    void anEmptyScheduleIsAlwaysOpen() {
        var start = Instant.parse("2025-03-08T23:50:00Z");
        assertThat(BusinessHours.ALWAYS_OPEN.isOpen(start, MOSCOW)).isTrue();
        assertThat(BusinessHours.ALWAYS_OPEN.plusOpenTime(start, Duration.ofMinutes(30), MOSCOW)).isEqualTo(start.plus(Duration.ofMinutes(30)));
    }

    @Test
    void inOpenHoursTheClockSimplyRuns() {
        // Wednesday 10:00 Moscow
        assertThat(SPLIT_WEEKDAYS.plusOpenTime(Instant.parse("2025-03-05T07:00:00Z"), Duration.ofMinutes(30), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-05T07:30:00Z"));
    }

    @Test
    void theLunchBreakPausesTheClock() {
        // Monday 12:50 Moscow + 30 min = 10 before lunch, 20 after: 14:20
        assertThat(SPLIT_WEEKDAYS.plusOpenTime(Instant.parse("2025-03-03T09:50:00Z"), Duration.ofMinutes(30), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-03T11:20:00Z"));
        assertThat(SPLIT_WEEKDAYS.isOpen(Instant.parse("2025-03-03T10:30:00Z"), MOSCOW)).as("13:30, lunch").isFalse();
    }

    @Test
    void theNightAndTheWeekendAreClosed() {
        // Friday 17:50 Moscow + 30 min → Monday 09:20
        assertThat(SPLIT_WEEKDAYS.plusOpenTime(Instant.parse("2025-03-07T14:50:00Z"), Duration.ofMinutes(30), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-10T06:20:00Z"));
        // Tuesday 23:00 Moscow + 30 min → Wednesday 09:30
        assertThat(SPLIT_WEEKDAYS.plusOpenTime(Instant.parse("2025-03-04T20:00:00Z"), Duration.ofMinutes(30), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-05T06:30:00Z"));
        // Saturday noon
        assertThat(SPLIT_WEEKDAYS.isOpen(Instant.parse("2025-03-08T09:00:00Z"), MOSCOW)).isFalse();
    }

    @Test
    void hoursAreTheInboxesLocalTime() {
        // 09:30 in Vladivostok (UTC+10) is 23:30 UTC the evening before: open there
        assertThat(SPLIT_WEEKDAYS.isOpen(Instant.parse("2025-03-04T23:30:00Z"), VLADIVOSTOK)).isTrue();
        assertThat(SPLIT_WEEKDAYS.isOpen(Instant.parse("2025-03-04T23:30:00Z"), MOSCOW)).isFalse();
        assertThat(SPLIT_WEEKDAYS.plusOpenTime(Instant.parse("2025-03-04T23:30:00Z"), Duration.ofMinutes(60), VLADIVOSTOK))
                .isEqualTo(Instant.parse("2025-03-05T00:30:00Z"));
    }

    @Test
    void aDayRunningTo24AndTheNextFromMidnightMakeOneOpenNight() {
        var roundTheClockWeekend = new BusinessHours(Map.of(DayOfWeek.SATURDAY, List.of(BusinessHours.Interval.of("20:00", "24:00")),
                DayOfWeek.SUNDAY, List.of(BusinessHours.Interval.of("00:00", "02:00"))));
        // Saturday 23:00 Moscow + 2 h → Sunday 01:00
        assertThat(roundTheClockWeekend.plusOpenTime(Instant.parse("2025-03-08T20:00:00Z"), Duration.ofHours(2), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-08T22:00:00Z"));
        // Sunday 01:30 + 1 h → 30 min now, 30 min from next Saturday 20:00
        assertThat(roundTheClockWeekend.plusOpenTime(Instant.parse("2025-03-08T22:30:00Z"), Duration.ofHours(1), MOSCOW))
                .isEqualTo(Instant.parse("2025-03-15T17:30:00Z"));
    }

    @Test
    void refusesBackwardAndOverlappingIntervalsAndReadsItsOwnJson() {
        assertThatThrownBy(() -> BusinessHours.Interval.of("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(Map.of(DayOfWeek.MONDAY,
                List.of(BusinessHours.Interval.of("09:00", "13:00"), BusinessHours.Interval.of("12:00", "18:00")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BusinessHours.fromJson(SPLIT_WEEKDAYS.toJson())).isEqualTo(SPLIT_WEEKDAYS);
        assertThat(SPLIT_WEEKDAYS.toJson().get("MONDAY")).containsExactly(List.of("09:00", "13:00"), List.of("14:00", "18:00"));
    }
}
