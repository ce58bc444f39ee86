package io.vocmonitor.aggregates;

import io.vocmonitor.events.Construct;
import io.vocmonitor.events.ServiceProofAspect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ServiceProof scores of a selection (SPEC §2.1, §2.3, §4): aspects, the constructs SER, V and ICE, the
 * overall score, and the optional NPS, CES and CSAT questions.
 *
 * @param constructs each construct's score, null when none of its aspects was answered or the selection is
 *                   insufficient
 * @param overall mean of the non-null constructs, −2..+2
 * @param sufficient whether the selection has at least the minimum sample of responses
 */
public record ServiceProofScores(
        long responses,
        Map<ServiceProofAspect, ItemScore> aspects,
        Map<Construct, Double> constructs,
        Double overall,
        NetPromoterScore nps,
        CustomerEffortScore ces,
        CustomerSatisfaction csat,
        boolean sufficient) {

    public static ServiceProofScores of(ScoreSums sums, int minimumSample) {
        long responses = sums.responses();
        boolean sufficient = responses > 0 && responses >= minimumSample;

        Map<ServiceProofAspect, ItemScore> aspects = new EnumMap<>(ServiceProofAspect.class);
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            aspects.put(aspect, ItemScore.of(sums.get(aspect.name()), sufficient));
        }

        Map<Construct, Double> constructs = new EnumMap<>(Construct.class);
        List<Double> constructScores = new ArrayList<>();
        for (Construct construct : Construct.values()) {
            Double score = sufficient ? constructScore(construct, aspects) : null;
            constructs.put(construct, score);
            if (score != null) {
                constructScores.add(score);
            }
        }
        Double overall = meanOf(constructScores);

        return new ServiceProofScores(responses, aspects, constructs, overall,
                NetPromoterScore.of(sums.get(Items.RECOMMEND), sufficient),
                CustomerEffortScore.of(sums.get(Items.EFFORT), sufficient),
                CustomerSatisfaction.of(sums.get(Items.SATISFACTION), sufficient),
                sufficient);
    }

    /** Mean of the construct's aspect means; aspects with n = 0 are left out (SPEC §2.1). */
    private static Double constructScore(Construct construct, Map<ServiceProofAspect, ItemScore> aspects) {
        List<Double> means = new ArrayList<>();
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            ItemScore score = aspects.get(aspect);
            if (aspect.construct() == construct && score.n() > 0) {
                means.add(score.mean());
            }
        }
        return meanOf(means);
    }

    private static Double meanOf(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }
}
