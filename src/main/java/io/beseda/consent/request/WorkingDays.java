package io.beseda.consent.request;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Russian working days: weekends and the fixed public holidays of the Labour Code (art. 112) are not
 * counted. The government's yearly moving of days off is not modelled, so a deadline may fall a day or
 * two earlier than the official calendar would put it, never later.
 */
final class WorkingDays {

    private static final Set<MonthDay> HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private WorkingDays() {
    }

    static LocalDate add(LocalDate from, int days) {
        var date = from;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        return date;
    }

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.contains(MonthDay.from(date));
    }
}
