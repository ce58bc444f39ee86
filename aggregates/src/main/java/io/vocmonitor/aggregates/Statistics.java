package io.vocmonitor.aggregates;

/**
 * The descriptive statistics of SPEC §2, computed from {@link ItemSums}. Numerators are formed in exact integer
 * arithmetic before the one division, so results do not drift with the order in which buckets were added.
 */
public final class Statistics {

    /** The two-sided 95 % normal quantile used by every confidence interval and margin of error. */
    public static final double Z95 = 1.96;

    private Statistics() {
    }

    /** Mean of x, or null when n = 0. */
    public static Double mean(ItemSums s) {
        return s.n() > 0 ? (double) s.sumX() / s.n() : null;
    }

    /** Sample standard deviation of x (n − 1), or null when n < 2. */
    public static Double sd(ItemSums s) {
        if (s.n() < 2) {
            return null;
        }
        double variance = (double) spread(s.n(), s.sumX(), s.sumX2()) / ((double) s.n() * (s.n() - 1));
        return Math.sqrt(Math.max(variance, 0.0));
    }

    /** mean ± 1.96 · sd / √n, or null when n < 2 (SPEC §2.1). */
    public static Interval ci95(ItemSums s) {
        Double sd = sd(s);
        if (sd == null) {
            return null;
        }
        double mean = (double) s.sumX() / s.n();
        double halfWidth = Z95 * sd / Math.sqrt(s.n());
        return new Interval(mean - halfWidth, mean + halfWidth);
    }

    /**
     * Pearson's r between x and y over the paired observations, or null when n < 3 or either variance is 0
     * (SPEC §2.2).
     */
    public static Double pearson(ItemSums s) {
        if (s.n() < 3) {
            return null;
        }
        long sxx = spread(s.n(), s.sumX(), s.sumX2());
        long syy = spread(s.n(), s.sumY(), s.sumY2());
        if (sxx <= 0 || syy <= 0) {
            return null;
        }
        long sxy = s.n() * s.sumXY() - s.sumX() * s.sumY();
        double r = sxy / Math.sqrt((double) sxx * (double) syy);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Share of the observations counted in slots {@code from..to}, or null when n = 0. */
    public static Double share(ItemSums s, int from, int to) {
        return s.n() > 0 ? (double) countBetween(s, from, to) / s.n() : null;
    }

    public static long countBetween(ItemSums s, int from, int to) {
        long count = 0;
        for (int slot = from; slot <= to; slot++) {
            count += s.count(slot);
        }
        return count;
    }

    /** n·Σx² − (Σx)², which is n·(n−1)·variance; exact in integers. */
    private static long spread(long n, long sum, long sumOfSquares) {
        return n * sumOfSquares - sum * sum;
    }
}
