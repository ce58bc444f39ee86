package io.vocmonitor.aggregates;

/** How the method reads a Service Excellence Scan score in % (SPEC §2.4): [0,20) … ≥ 50. */
public enum ScanBand {
    BEGINNING,
    STARTED_TO_WORK,
    WELL_ON_THE_WAY,
    APPLAUSE,
    EXCELLENCE;

    /** The band of a score, or null when there is no score. An edge belongs to the band above it. */
    public static ScanBand of(Double percent) {
        if (percent == null) {
            return null;
        }
        if (percent < 20) {
            return BEGINNING;
        }
        if (percent < 30) {
            return STARTED_TO_WORK;
        }
        if (percent < 40) {
            return WELL_ON_THE_WAY;
        }
        return percent < 50 ? APPLAUSE : EXCELLENCE;
    }
}
