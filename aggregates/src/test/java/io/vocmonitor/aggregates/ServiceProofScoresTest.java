package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocmonitor.events.Construct;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ServiceProofAspect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceProofScoresTest {

    private static final double EPS = 1e-9;

    @Test
    void emptySelectionHasNoNumbers() {
        ServiceProofScores scores = ServiceProofScores.of(new ScoreSums(), 5);

        assertThat(scores.responses()).isZero();
        assertThat(scores.sufficient()).isFalse();
        assertThat(scores.overall()).isNull();
        assertThat(scores.constructs()).containsOnlyKeys(Construct.values()).allSatisfy((c, v) -> assertThat(v).isNull());
        assertThat(scores.aspects().get(ServiceProofAspect.SENSING).n()).isZero();
        assertThat(scores.aspects().get(ServiceProofAspect.SENSING).mean()).isNull();
        assertThat(scores.nps().nps()).isNull();
        assertThat(scores.ces().mean()).isNull();
        assertThat(scores.csat().csat()).isNull();
    }

    @Test
    void emptySelectionIsInsufficientEvenWithoutAMinimum() {
        assertThat(ServiceProofScores.of(new ScoreSums(), 0).sufficient()).isFalse();
    }

    @Test
    void oneResponseHasMeansButNoSpread() {
        ScoreSums sums = sumsOf(response(Map.of("SENSING", 5, "VALUE", 2, "COMMITMENT", 3)));

        ServiceProofScores scores = ServiceProofScores.of(sums, 1);

        assertThat(scores.sufficient()).isTrue();
        ItemScore sensing = scores.aspects().get(ServiceProofAspect.SENSING);
        assertThat(sensing.n()).isEqualTo(1);
        assertThat(sensing.mean()).isEqualTo(2.0);
        assertThat(sensing.sd()).isNull();
        assertThat(sensing.ci95()).isNull();
        assertThat(sensing.distribution()).containsExactly(
                Map.entry("1", 0L), Map.entry("2", 0L), Map.entry("3", 0L), Map.entry("4", 0L), Map.entry("5", 1L));
        assertThat(scores.constructs().get(Construct.SER)).isEqualTo(2.0);
        assertThat(scores.constructs().get(Construct.V)).isEqualTo(-1.0);
        assertThat(scores.constructs().get(Construct.ICE)).isEqualTo(0.0);
        assertThat(scores.overall()).isCloseTo((2.0 - 1.0 + 0.0) / 3, within(EPS));
    }

    @Test
    void aspectStatisticsMatchHandComputedValues() {
        // SENSING answers 5,4,4,2,5 → scores 2,1,1,−1,2: Σ=5, Σ²=11, mean 1, var (5·11−25)/(5·4)=1.5
        ScoreSums sums = sumsOf(
                response(Map.of("SENSING", 5)), response(Map.of("SENSING", 4)), response(Map.of("SENSING", 4)),
                response(Map.of("SENSING", 2)), response(Map.of("SENSING", 5)));

        ItemScore sensing = ServiceProofScores.of(sums, 5).aspects().get(ServiceProofAspect.SENSING);

        assertThat(sensing.n()).isEqualTo(5);
        assertThat(sensing.mean()).isCloseTo(1.0, within(EPS));
        assertThat(sensing.sd()).isCloseTo(Math.sqrt(1.5), within(EPS));
        double half = 1.96 * Math.sqrt(1.5) / Math.sqrt(5);
        assertThat(sensing.ci95().low()).isCloseTo(1.0 - half, within(EPS));
        assertThat(sensing.ci95().high()).isCloseTo(1.0 + half, within(EPS));
        assertThat(sensing.ci95().low()).isCloseTo(-0.0735362, within(1e-6));
        assertThat(sensing.distribution()).containsEntry("2", 1L).containsEntry("4", 2L).containsEntry("5", 2L)
                .containsEntry("1", 0L).containsEntry("3", 0L);
    }

    @Test
    void aspectNeverAnsweredIsLeftOutOfItsConstruct() {
        // SER from SENSING (mean +2) and EMPATHY (mean −1); RESONANCE never answered, so SER = 0.5, not 1/3
        ScoreSums sums = sumsOf(
                response(Map.of("SENSING", 5, "EMPATHY", 2)),
                response(Map.of("SENSING", 5, "EMPATHY", 2)));

        ServiceProofScores scores = ServiceProofScores.of(sums, 1);

        assertThat(scores.aspects().get(ServiceProofAspect.RESONANCE).n()).isZero();
        assertThat(scores.aspects().get(ServiceProofAspect.RESONANCE).mean()).isNull();
        assertThat(scores.constructs().get(Construct.SER)).isCloseTo(0.5, within(EPS));
        assertThat(scores.constructs().get(Construct.V)).isNull();
        assertThat(scores.constructs().get(Construct.ICE)).isNull();
        assertThat(scores.overall()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void notApplicableAnswersAreLeftOutOfTheirAspect() {
        // the second response leaves VALUE as not applicable: VALUE has n = 1, the responses count is 2
        ScoreSums sums = sumsOf(response(Map.of("SENSING", 4, "VALUE", 1)), response(Map.of("SENSING", 2)));

        ServiceProofScores scores = ServiceProofScores.of(sums, 1);

        assertThat(scores.responses()).isEqualTo(2);
        assertThat(scores.aspects().get(ServiceProofAspect.VALUE).n()).isEqualTo(1);
        assertThat(scores.aspects().get(ServiceProofAspect.VALUE).mean()).isEqualTo(-2.0);
        assertThat(scores.aspects().get(ServiceProofAspect.SENSING).mean()).isEqualTo(0.0);
    }

    @Test
    void belowTheMinimumSampleOnlyCountsAreShown() {
        ScoreSums sums = sumsOf(
                withExtras(Map.of("SENSING", 5), 10, 7, 5),
                withExtras(Map.of("SENSING", 1), 0, 1, 1));

        ServiceProofScores scores = ServiceProofScores.of(sums, 5);

        assertThat(scores.sufficient()).isFalse();
        assertThat(scores.responses()).isEqualTo(2);
        ItemScore sensing = scores.aspects().get(ServiceProofAspect.SENSING);
        assertThat(sensing.n()).isEqualTo(2);
        assertThat(sensing.distribution()).containsEntry("1", 1L).containsEntry("5", 1L);
        assertThat(sensing.mean()).isNull();
        assertThat(sensing.sd()).isNull();
        assertThat(sensing.ci95()).isNull();
        assertThat(scores.constructs().values()).containsOnlyNulls();
        assertThat(scores.overall()).isNull();
        assertThat(scores.nps().n()).isEqualTo(2);
        assertThat(scores.nps().promoters()).isEqualTo(1);
        assertThat(scores.nps().nps()).isNull();
        assertThat(scores.nps().moe95()).isNull();
        assertThat(scores.ces().n()).isEqualTo(2);
        assertThat(scores.ces().mean()).isNull();
        assertThat(scores.ces().easyShare()).isNull();
        assertThat(scores.csat().mean()).isNull();
        assertThat(scores.csat().csat()).isNull();
    }

    @Test
    void npsCesAndCsatMatchHandComputedValues() {
        // recommend 10, 9, 8, 7, 6, 0: P = 2, D = 2, n = 6 → NPS 0; p = d = 1/3 → moe 196·√((2/3)/6) = 196/3
        // effort 7, 5, 4, 1, (none), (none): mean 17/4, easy share 2/4
        // satisfaction 5, 4, 3, 1, (none), 5: mean 18/5, csat 100·3/5
        ScoreSums sums = sumsOf(
                withExtras(Map.of("SENSING", 3), 10, 7, 5),
                withExtras(Map.of("SENSING", 3), 9, 5, 4),
                withExtras(Map.of("SENSING", 3), 8, 4, 3),
                withExtras(Map.of("SENSING", 3), 7, 1, 1),
                withExtras(Map.of("SENSING", 3), 6, null, null),
                withExtras(Map.of("SENSING", 3), 0, null, 5));

        ServiceProofScores scores = ServiceProofScores.of(sums, 5);

        assertThat(scores.nps()).isEqualTo(new NetPromoterScore(6, 2, 2, 2, 0.0, scores.nps().moe95()));
        assertThat(scores.nps().moe95()).isCloseTo(196.0 / 3, within(EPS));
        assertThat(scores.ces().n()).isEqualTo(4);
        assertThat(scores.ces().mean()).isCloseTo(4.25, within(EPS));
        assertThat(scores.ces().easyShare()).isCloseTo(0.5, within(EPS));
        assertThat(scores.csat().n()).isEqualTo(5);
        assertThat(scores.csat().mean()).isCloseTo(3.6, within(EPS));
        assertThat(scores.csat().csat()).isCloseTo(60.0, within(EPS));
    }

    @Test
    void npsExtremesHaveNoMarginOfError() {
        ScoreSums promoters = sumsOf(
                withExtras(Map.of("VALUE", 4), 9, null, null), withExtras(Map.of("VALUE", 4), 10, null, null));
        ScoreSums detractors = sumsOf(
                withExtras(Map.of("VALUE", 4), 6, null, null), withExtras(Map.of("VALUE", 4), 0, null, null));

        assertThat(ServiceProofScores.of(promoters, 1).nps().nps()).isEqualTo(100.0);
        assertThat(ServiceProofScores.of(promoters, 1).nps().moe95()).isEqualTo(0.0);
        assertThat(ServiceProofScores.of(detractors, 1).nps().nps()).isEqualTo(-100.0);
        assertThat(ServiceProofScores.of(detractors, 1).nps().moe95()).isEqualTo(0.0);
    }

    @Test
    void unansweredOptionalQuestionsHaveNoScore() {
        ServiceProofScores scores = ServiceProofScores.of(sumsOf(response(Map.of("VALUE", 4))), 1);

        assertThat(scores.nps()).isEqualTo(new NetPromoterScore(0, 0, 0, 0, null, null));
        assertThat(scores.ces()).isEqualTo(new CustomerEffortScore(0, null, null));
        assertThat(scores.csat()).isEqualTo(new CustomerSatisfaction(0, null, null));
    }

    @Test
    void sumsAreAdditiveAndRetractionsSubtractExactly() {
        List<ResponseSubmitted> first = List.of(response(Map.of("SENSING", 5, "VALUE", 3)),
                withExtras(Map.of("EMPATHY", 1), 4, 2, 2));
        List<ResponseSubmitted> second = List.of(withExtras(Map.of("SENSING", 2, "ENGAGEMENT", 4), 10, 7, 5));

        ScoreSums all = sumsOf(first.get(0), first.get(1), second.get(0));
        ScoreSums split = sumsOf(first.get(0), first.get(1)).plus(sumsOf(second.get(0)));
        ScoreSums retracted = sumsOf(first.get(0), first.get(1), second.get(0))
                .plus(ResponseContribution.of(second.get(0)).negated());

        assertThat(split).isEqualTo(all);
        assertThat(ServiceProofScores.of(retracted, 1)).isEqualTo(ServiceProofScores.of(sumsOf(first.get(0), first.get(1)), 1));
    }

    static ScoreSums sumsOf(ResponseSubmitted... responses) {
        ScoreSums sums = new ScoreSums();
        for (ResponseSubmitted response : responses) {
            sums.plus(ResponseContribution.of(response));
        }
        return sums;
    }

    static ResponseSubmitted response(Map<String, Integer> answers) {
        return withExtras(answers, null, null, null);
    }

    static ResponseSubmitted withExtras(Map<String, Integer> answers, Integer recommend, Integer effort,
            Integer satisfaction) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId("acme")
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.parse("2026-11-20T10:15:01Z"))
                .recommend(recommend)
                .effort(effort)
                .satisfaction(satisfaction);
        answers.forEach(builder::answer);
        return builder.build();
    }
}
