package io.vocmonitor.aggregates;

import io.vocmonitor.events.RecoveryDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Service Recovery Proof scores of a selection (SPEC §2.2, §2.3, §4): the drivers with their key-driver
 * analysis, brand effect, the relationship-impact indicators and the optional NPS, CES and CSAT questions.
 *
 * @param keyDrivers the drivers by priority, highest first; ties by importance, highest first, then in the
 *                   order of {@link RecoveryDriver}; drivers without an importance last; empty when the
 *                   selection is insufficient
 */
public record RecoveryScores(
        long responses,
        Map<RecoveryDriver, DriverScore> drivers,
        ItemScore brandEffect,
        RelationshipImpact relationship,
        List<RecoveryDriver> keyDrivers,
        NetPromoterScore nps,
        CustomerEffortScore ces,
        CustomerSatisfaction csat,
        boolean sufficient) {

    /** Priority high to low, then importance high to low, then declaration order; no importance last. */
    static final Comparator<Map.Entry<RecoveryDriver, DriverScore>> KEY_DRIVER_ORDER =
            Comparator.<Map.Entry<RecoveryDriver, DriverScore>, Boolean>comparing(e -> e.getValue().importance() == null)
                    .thenComparing(e -> e.getValue().priority(), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(e -> e.getValue().importance(), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Map.Entry::getKey);

    public static RecoveryScores of(ScoreSums sums, int minimumSample) {
        long responses = sums.responses();
        boolean sufficient = responses > 0 && responses >= minimumSample;

        Map<RecoveryDriver, DriverScore> drivers = new EnumMap<>(RecoveryDriver.class);
        for (RecoveryDriver driver : RecoveryDriver.values()) {
            drivers.put(driver, DriverScore.of(sums.get(driver.name()), sufficient));
        }
        List<RecoveryDriver> keyDrivers = new ArrayList<>();
        if (sufficient) {
            drivers.entrySet().stream().sorted(KEY_DRIVER_ORDER).forEach(e -> keyDrivers.add(e.getKey()));
        }
        return new RecoveryScores(responses, drivers,
                ItemScore.of(sums.get(Items.BRAND_EFFECT), sufficient),
                RelationshipImpact.of(sums.get(Items.RELATIONSHIP), sufficient),
                keyDrivers,
                NetPromoterScore.of(sums.get(Items.RECOMMEND), sufficient),
                CustomerEffortScore.of(sums.get(Items.EFFORT), sufficient),
                CustomerSatisfaction.of(sums.get(Items.SATISFACTION), sufficient),
                sufficient);
    }
}
