package io.vocmonitor.aggregates;

/**
 * A score of one period beside the same score of the period before it: the difference and, where the score's
 * variance follows from the additive sums, the difference's 95 % interval. {@code significant} is true only when
 * that interval excludes 0; a dashboard marks a change as up or down only then.
 *
 * @param ci95 the interval of the difference; null when either period has fewer than two answers, and for
 *             composite scores (overall, SER, ICE), whose variance needs the covariances of their items, which
 *             per-item sums do not keep
 * @param significant whether ci95 excludes 0; null when there is no ci95
 */
public record Change(Double current, Double previous, Double difference, Interval ci95, Boolean significant) {

    /** Nothing to show: the current period is below the minimum sample. */
    public static final Change WITHHELD = new Change(null, null, null, null, null);

    /**
     * Two means, compared by Welch's t: d ± t(0.975, ν) · √(s₁²/n₁ + s₂²/n₂), ν by the Welch–Satterthwaite
     * equation (the periods' variances need not be equal).
     */
    public static Change ofMeans(ItemSums current, ItemSums previous) {
        Double now = Statistics.mean(current);
        Double before = Statistics.mean(previous);
        if (now == null || before == null) {
            return values(now, before);
        }
        Double sdNow = Statistics.sd(current);
        Double sdBefore = Statistics.sd(previous);
        if (sdNow == null || sdBefore == null) {
            return values(now, before);
        }
        double a = sdNow * sdNow / current.n();
        double b = sdBefore * sdBefore / previous.n();
        double se = Math.sqrt(a + b);
        double denominator = a * a / (current.n() - 1) + b * b / (previous.n() - 1);
        double quantile = denominator > 0 ? StudentT.quantile(0.975, (a + b) * (a + b) / denominator) : Statistics.Z95;
        return interval(now, before, quantile * se);
    }

    /**
     * Two net scores (NPS, NRI), each 100 · (positive − negative) / n: the difference ± 196 · √(v₁/n₁ + v₂/n₂)
     * with v = p + q − (p − q)², p and q the shares of positive and negative answers (the margin of error of
     * SPEC §2.3, for a difference of independent samples).
     */
    public static Change ofNets(long n1, long positive1, long negative1, long n2, long positive2, long negative2) {
        if (n1 == 0 || n2 == 0) {
            return values(n1 == 0 ? null : net(n1, positive1, negative1), n2 == 0 ? null : net(n2, positive2, negative2));
        }
        double variance = netVariance(n1, positive1, negative1) / n1 + netVariance(n2, positive2, negative2) / n2;
        return interval(net(n1, positive1, negative1), net(n2, positive2, negative2),
                100 * Statistics.Z95 * Math.sqrt(variance));
    }

    /** Two shares in percent (CSAT): the difference ± 196 · √(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂). */
    public static Change ofShares(long n1, long hits1, long n2, long hits2) {
        if (n1 == 0 || n2 == 0) {
            return values(n1 == 0 ? null : 100.0 * hits1 / n1, n2 == 0 ? null : 100.0 * hits2 / n2);
        }
        double p1 = (double) hits1 / n1;
        double p2 = (double) hits2 / n2;
        double variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        return interval(100 * p1, 100 * p2, 100 * Statistics.Z95 * Math.sqrt(variance));
    }

    /** Two values without an interval: composites, or periods with too few answers for one. */
    public static Change values(Double current, Double previous) {
        Double difference = current == null || previous == null ? null : current - previous;
        return new Change(current, previous, difference, null, null);
    }

    private static Change interval(double current, double previous, double halfWidth) {
        double difference = current - previous;
        Interval ci95 = new Interval(difference - halfWidth, difference + halfWidth);
        return new Change(current, previous, difference, ci95, ci95.low() > 0 || ci95.high() < 0);
    }

    private static double net(long n, long positive, long negative) {
        return 100.0 * (positive - negative) / n;
    }

    private static double netVariance(long n, long positive, long negative) {
        double p = (double) positive / n;
        double q = (double) negative / n;
        return Math.max(p + q - (p - q) * (p - q), 0.0);
    }
}
