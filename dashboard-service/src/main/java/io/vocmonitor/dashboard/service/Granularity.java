package io.vocmonitor.dashboard.service;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The period of a trend point (SPEC §8) and the label of the period a day falls in. */
public enum Granularity {
    /** {@code 2026-11-20} */
    DAY,
    /** ISO 8601 week, {@code 2026-W47}: weeks start on Monday, week 1 holds the year's first Thursday. */
    WEEK,
    /** {@code 2026-11} */
    MONTH;

    /** The label of the period holding {@code day}; labels sort in time order. */
    public String label(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
        };
    }
}
