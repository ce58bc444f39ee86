package io.vocmonitor.dashboard.service;

/** The period of a trend point (SPEC §8), with how PostgreSQL labels a day's period. */
public enum Granularity {
    /** {@code 2026-11-20} */
    DAY("to_char(day, 'YYYY-MM-DD')"),
    /** ISO 8601 week, {@code 2026-W47}: weeks start on Monday, week 1 holds the year's first Thursday. */
    WEEK("to_char(day, 'IYYY-\"W\"IW')"),
    /** {@code 2026-11} */
    MONTH("to_char(day, 'YYYY-MM')");

    private final String periodSql;

    Granularity(String periodSql) {
        this.periodSql = periodSql;
    }

    /** The SQL expression of a bucket's period; the labels sort in time order. */
    public String periodSql() {
        return periodSql;
    }
}
