package io.vocmonitor.aggregates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics of one agreement item (aspect or driver) over a selection (SPEC §2.1, §2.2).
 *
 * @param distribution count of each answer 1..5, keyed "1".."5"
 */
public record ItemScore(long n, Double mean, Double sd, Interval ci95, Map<String, Long> distribution) {

    /** The item's statistics; the derived numbers only when the selection is sufficient (SPEC §4). */
    public static ItemScore of(ItemSums sums, boolean sufficient) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int answer = 1; answer <= 5; answer++) {
            distribution.put(Integer.toString(answer), sums.count(answer));
        }
        if (!sufficient) {
            return new ItemScore(sums.n(), null, null, null, distribution);
        }
        return new ItemScore(sums.n(), Statistics.mean(sums), Statistics.sd(sums), Statistics.ci95(sums), distribution);
    }
}
