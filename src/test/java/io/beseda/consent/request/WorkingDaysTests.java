package io.beseda.consent.request;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-20, 10, 2026-12-04",   // a Friday: two full weeks
            "2026-10-30, 10, 2026-11-16",   // National Unity Day, 4 November, is not counted
            "2026-12-25, 10, 2027-01-20",   // the New Year holidays, 1-8 January, are not counted
            "2026-11-21, 1, 2026-11-23"     // a Saturday request: the first working day is Monday
    })
    void deadlinesSkipWeekendsAndPublicHolidays(LocalDate from, int days, LocalDate due) {
        assertThat(WorkingDays.add(from, days)).isEqualTo(due);
    }
}
