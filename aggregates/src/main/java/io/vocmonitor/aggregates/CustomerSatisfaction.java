package io.vocmonitor.aggregates;

/**
 * CSAT from the satisfaction question, 1..5 (SPEC §2.3).
 *
 * @param csat 100 · share of answers 4–5, 0..100
 */
public record CustomerSatisfaction(long n, Double mean, Double csat) {

    public static CustomerSatisfaction of(ItemSums satisfaction, boolean sufficient) {
        if (!sufficient) {
            return new CustomerSatisfaction(satisfaction.n(), null, null);
        }
        Double share = Statistics.share(satisfaction, 4, 5);
        return new CustomerSatisfaction(satisfaction.n(), Statistics.mean(satisfaction),
                share == null ? null : 100.0 * share);
    }
}
