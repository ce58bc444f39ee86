package io.vocmonitor.aggregates;

import java.util.Map;

/**
 * The statistics of one Service Recovery driver (SPEC §2.2): its agreement statistics and the key-driver
 * analysis against the relationship impact.
 *
 * @param importance Pearson r between the driver score and the impact score over the responses that have
 *                   both; null when n &lt; 3, when either variance is 0, or when the selection is insufficient
 * @param priority max(importance, 0) · (2 − mean): how much improving the driver promises
 */
public record DriverScore(long n, Double mean, Double sd, Interval ci95, Map<String, Long> distribution,
        Double importance, Double priority) {

    public static DriverScore of(ItemSums sums, boolean sufficient) {
        ItemScore item = ItemScore.of(sums, sufficient);
        Double importance = sufficient ? Statistics.pearson(sums) : null;
        Double priority = importance == null || item.mean() == null ? null : Math.max(importance, 0.0) * (2 - item.mean());
        return new DriverScore(item.n(), item.mean(), item.sd(), item.ci95(), item.distribution(), importance, priority);
    }
}
