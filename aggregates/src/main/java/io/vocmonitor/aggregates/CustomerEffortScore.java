package io.vocmonitor.aggregates;

/**
 * CES from the effort question, 1..7 with 7 = "they made it easy for me" (SPEC §2.3).
 *
 * @param easyShare share of answers 5–7, 0..1
 */
public record CustomerEffortScore(long n, Double mean, Double easyShare) {

    public static CustomerEffortScore of(ItemSums effort, boolean sufficient) {
        if (!sufficient) {
            return new CustomerEffortScore(effort.n(), null, null);
        }
        return new CustomerEffortScore(effort.n(), Statistics.mean(effort), Statistics.share(effort, 5, 7));
    }
}
