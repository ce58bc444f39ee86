package io.vocmonitor.aggregates;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;

/** What one response adds to its bucket: the translation of answers into {@link ItemSums} (SPEC §2). */
public final class ResponseContribution {

    private static final int AGREEMENT_MIDPOINT = 3;

    private ResponseContribution() {
    }

    public static ScoreSums of(ResponseSubmitted response) {
        ScoreSums sums = new ScoreSums();
        sums.accumulator(Items.RESPONSES).addOccurrence();
        if (response.instrument() == Instrument.SERVICE_EXCELLENCE_SCAN) {
            // SPEC §2.4: an answer is its word's points, counted in the slot of its points; NA only counted
            response.answers().forEach((item, points) -> sums.accumulator(item).add(points, points));
            response.notApplicableItems().forEach(item -> sums.accumulator(item).addNotApplicable());
            return sums;
        }
        boolean recovery = response.instrument() == Instrument.SERVICE_RECOVERY;
        Integer impact = recovery && response.relationship() != null ? response.relationship().impact() : null;
        response.answers().forEach((item, answer) -> {
            int score = answer - AGREEMENT_MIDPOINT;
            if (impact != null) {
                // SPEC §2.2: drivers are paired with the impact score for the key-driver correlation
                sums.accumulator(item).add(score, impact, answer);
            } else {
                sums.accumulator(item).add(score, answer);
            }
        });
        if (response.relationship() != null) {
            sums.accumulator(Items.RELATIONSHIP).add(response.relationship().impact(), response.relationship().code());
        }
        if (response.brandEffect() != null) {
            sums.accumulator(Items.BRAND_EFFECT).add(response.brandEffect() - AGREEMENT_MIDPOINT, response.brandEffect());
        }
        if (response.recommend() != null) {
            sums.accumulator(Items.RECOMMEND).add(response.recommend(), response.recommend());
        }
        if (response.effort() != null) {
            sums.accumulator(Items.EFFORT).add(response.effort(), response.effort());
        }
        if (response.satisfaction() != null) {
            sums.accumulator(Items.SATISFACTION).add(response.satisfaction(), response.satisfaction());
        }
        return sums;
    }
}
