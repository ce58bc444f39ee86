package io.vocmonitor.aggregates;

import io.vocmonitor.events.RelationshipOutcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * What handled problems did to customer relationships (SPEC §2.2).
 *
 * @param counts responses per outcome
 * @param shares share of each outcome, 0..1
 * @param nri Net Relationship Impact: 100 · (strengthened − weakened − broken) / n, −100..+100
 * @param rii Relationship Impact Index: the mean impact score, −2..+1
 * @param ci95 rii ± 1.96 · sd / √n
 * @param indicator the outcome the organisation typically produces, or {@code INSUFFICIENT_DATA}
 */
public record RelationshipImpact(long n, Map<RelationshipOutcome, Long> counts, Map<RelationshipOutcome, Double> shares,
        Double nri, Double rii, Interval ci95, String indicator) {

    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public static RelationshipImpact of(ItemSums relationship, boolean sufficient) {
        long n = relationship.n();
        Map<RelationshipOutcome, Long> counts = new EnumMap<>(RelationshipOutcome.class);
        Map<RelationshipOutcome, Double> shares = new EnumMap<>(RelationshipOutcome.class);
        for (RelationshipOutcome outcome : RelationshipOutcome.values()) {
            long count = relationship.count(outcome.code());
            counts.put(outcome, count);
            shares.put(outcome, sufficient && n > 0 ? (double) count / n : null);
        }
        if (!sufficient || n == 0) {
            return new RelationshipImpact(n, counts, shares, null, null, null, INSUFFICIENT_DATA);
        }
        long net = counts.get(RelationshipOutcome.STRENGTHENED) - counts.get(RelationshipOutcome.WEAKENED)
                - counts.get(RelationshipOutcome.BROKEN);
        double rii = Statistics.mean(relationship);
        return new RelationshipImpact(n, counts, shares, 100.0 * net / n, rii, Statistics.ci95(relationship),
                indicator(rii).name());
    }

    /** rii ≥ 0.5 strengthened, &gt; −0.5 flattened, &gt; −1.5 weakened, else broken (SPEC §2.2). */
    static RelationshipOutcome indicator(double rii) {
        if (rii >= 0.5) {
            return RelationshipOutcome.STRENGTHENED;
        }
        if (rii > -0.5) {
            return RelationshipOutcome.FLATTENED;
        }
        if (rii > -1.5) {
            return RelationshipOutcome.WEAKENED;
        }
        return RelationshipOutcome.BROKEN;
    }
}
