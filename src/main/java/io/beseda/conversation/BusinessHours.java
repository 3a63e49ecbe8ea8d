package io.beseda.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When an inbox is staffed: for each weekday, any number of intervals of local time in the inbox's zone
 * (09:00–13:00 and 14:00–18:00, say). A day without intervals is closed; an empty week means the inbox is
 * always open. An interval ends at most at 24:00, so nights are closed unless a day runs to 24:00 and the
 * next starts at 00:00. SLA clocks run only while the inbox is open.
 */
public record BusinessHours(Map<DayOfWeek, List<Interval>> week) {

    public static final BusinessHours ALWAYS_OPEN = new BusinessHours(Map.of());

    /** How far ahead a due time is searched; a week with at least one interval always finds one sooner. */
    private static final int MAX_DAYS = 8 * 7 * 53;

    public BusinessHours {
        var copy = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
        week.forEach((day, intervals) -> {
            var sorted = intervals.stream().sorted(Comparator.comparingInt(Interval::fromMinute)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).fromMinute() < sorted.get(i - 1).toMinute()) {
                    throw new IllegalArgumentException(day + ": intervals " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, sorted);
            }
        });
        week = Map.copyOf(copy);
    }

    public boolean alwaysOpen() {
        return week.isEmpty();
    }

    public List<Interval> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        if (alwaysOpen()) {
            return true;
        }
        var local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        return on(local.getDayOfWeek()).stream().anyMatch(i -> i.fromMinute() <= minute && minute < i.toMinute());
    }

    /** The moment {@code amount} of open time has passed since {@code start}; closed time does not count. */
    public Instant plusOpenTime(Instant start, Duration amount, ZoneId zone) {
        if (alwaysOpen()) {
            return start.plus(amount);
        }
        var left = amount;
        var date = start.atZone(zone).toLocalDate();
        for (int d = 0; d < MAX_DAYS; d++, date = date.plusDays(1)) {
            for (var interval : on(date.getDayOfWeek())) {
                var from = max(start, interval.start(date, zone));
                var to = interval.end(date, zone);
                if (!from.isBefore(to)) {
                    continue;
                }
                var open = Duration.between(from, to);
                if (open.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(open);
            }
        }
        throw new IllegalStateException("No open time within " + MAX_DAYS + " days");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The week as the inbox's settings store it: {"MONDAY": [["09:00", "18:00"]]}. */
    public Map<String, List<List<String>>> toJson() {
        var json = new java.util.LinkedHashMap<String, List<List<String>>>();
        for (var day : DayOfWeek.values()) {
            var intervals = on(day);
            if (!intervals.isEmpty()) {
                json.put(day.name(), intervals.stream().map(i -> List.of(Interval.format(i.fromMinute()), Interval.format(i.toMinute()))).toList());
            }
        }
        return json;
    }

    public static BusinessHours fromJson(Map<String, List<List<String>>> json) {
        var week = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
        json.forEach((day, intervals) -> {
            var list = new ArrayList<Interval>();
            for (var pair : intervals) {
                if (pair.size() != 2) {
                    throw new IllegalArgumentException(day + ": an interval is [from, to]");
                }
                list.add(Interval.of(pair.get(0), pair.get(1)));
            }
            week.put(DayOfWeek.valueOf(day.toUpperCase(java.util.Locale.ROOT)), list);
        });
        return new BusinessHours(week);
    }

    /** Open from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive), minutes since local midnight; 1440 is 24:00. */
    public record Interval(int fromMinute, int toMinute) {

        public Interval {
            if (fromMinute < 0 || toMinute > 24 * 60 || fromMinute >= toMinute) {
                throw new IllegalArgumentException("An interval runs forward within one day: " + format(fromMinute) + "–" + format(toMinute));
            }
        }

        /** Parses "09:00" and "18:30"; "24:00" is the end of the day. */
        public static Interval of(String from, String to) {
            return new Interval(parse(from), parse(to));
        }

        Instant start(LocalDate date, ZoneId zone) {
            return at(date, fromMinute, zone);
        }

        Instant end(LocalDate date, ZoneId zone) {
            return at(date, toMinute, zone);
        }

        private static Instant at(LocalDate date, int minute, ZoneId zone) {
            if (minute == 24 * 60) {
                return date.plusDays(1).atStartOfDay(zone).toInstant();
            }
            return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
        }

        private static int parse(String time) {
            if ("24:00".equals(time.strip())) {
                return 24 * 60;
            }
            var local = LocalTime.parse(time.strip());
            return local.getHour() * 60 + local.getMinute();
        }

        static String format(int minute) {
            return "%02d:%02d".formatted(minute / 60, minute % 60);
        }

        @Override
        public String toString() {
            return format(fromMinute) + "–" + format(toMinute);
        }
    }
}
