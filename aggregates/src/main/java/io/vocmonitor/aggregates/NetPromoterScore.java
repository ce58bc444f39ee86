package io.vocmonitor.aggregates;

/**
 * NPS from the recommend question, 0..10 (SPEC §2.3): promoters 9–10, passives 7–8, detractors 0–6.
 *
 * @param nps 100 · (P − D) / n, −100..+100
 * @param moe95 margin of error at 95 %: 196 · √((p + d − (p − d)²) / n), in NPS points
 */
public record NetPromoterScore(long n, long promoters, long passives, long detractors, Double nps, Double moe95) {

    public static NetPromoterScore of(ItemSums recommend, boolean sufficient) {
        long n = recommend.n();
        long promoters = Statistics.countBetween(recommend, 9, 10);
        long passives = Statistics.countBetween(recommend, 7, 8);
        long detractors = Statistics.countBetween(recommend, 0, 6);
        if (!sufficient || n == 0) {
            return new NetPromoterScore(n, promoters, passives, detractors, null, null);
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double nps = 100.0 * (promoters - detractors) / n;
        double moe95 = 100 * Statistics.Z95 * Math.sqrt(Math.max(p + d - (p - d) * (p - d), 0.0) / n);
        return new NetPromoterScore(n, promoters, passives, detractors, nps, moe95);
    }
}
