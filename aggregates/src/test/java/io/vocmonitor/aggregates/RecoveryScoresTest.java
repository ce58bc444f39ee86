package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecoveryScoresTest {

    private static final double EPS = 1e-9;

    /**
     * RESOLUTION 5,4,3,2,1 (scores 2,1,0,−1,−2) against impacts 1,1,0,−1,−2;
     * RECEPTIVENESS 4,4,4,4,2 (scores 1,1,1,1,−1); RELIANCE always 3 (no variance).
     */
    private static ScoreSums fiveResponses() {
        return sumsOf(
                recovery(RelationshipOutcome.STRENGTHENED, Map.of("RESOLUTION", 5, "RECEPTIVENESS", 4, "RELIANCE", 3), 5),
                recovery(RelationshipOutcome.STRENGTHENED, Map.of("RESOLUTION", 4, "RECEPTIVENESS", 4, "RELIANCE", 3), 4),
                recovery(RelationshipOutcome.FLATTENED, Map.of("RESOLUTION", 3, "RECEPTIVENESS", 4, "RELIANCE", 3), 3),
                recovery(RelationshipOutcome.WEAKENED, Map.of("RESOLUTION", 2, "RECEPTIVENESS", 4, "RELIANCE", 3), 2),
                recovery(RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1, "RECEPTIVENESS", 2, "RELIANCE", 3), null));
    }

    @Test
    void keyDriverAnalysisMatchesHandComputedCorrelations() {
        RecoveryScores scores = RecoveryScores.of(fiveResponses(), 5);

        // RESOLUTION: n·Σxy − ΣxΣy = 5·8 − 0·(−1) = 40; n·Σx² − (Σx)² = 50; n·Σy² − (Σy)² = 34
        DriverScore resolution = scores.drivers().get(RecoveryDriver.RESOLUTION);
        assertThat(resolution.n()).isEqualTo(5);
        assertThat(resolution.mean()).isCloseTo(0.0, within(EPS));
        assertThat(resolution.importance()).isCloseTo(40 / Math.sqrt(50 * 34), within(EPS));
        assertThat(resolution.priority()).isCloseTo(40 / Math.sqrt(50 * 34) * 2, within(EPS));
        // RECEPTIVENESS: 5·3 − 3·(−1) = 18; 5·5 − 9 = 16 → r = 18 / √(16·34); mean 0.6
        DriverScore receptiveness = scores.drivers().get(RecoveryDriver.RECEPTIVENESS);
        assertThat(receptiveness.mean()).isCloseTo(0.6, within(EPS));
        assertThat(receptiveness.importance()).isCloseTo(18 / Math.sqrt(16 * 34), within(EPS));
        assertThat(receptiveness.priority()).isCloseTo(18 / Math.sqrt(16 * 34) * 1.4, within(EPS));
        // no spread in RELIANCE, no answers at all for the others: no importance, listed last in declared order
        assertThat(scores.drivers().get(RecoveryDriver.RELIANCE).importance()).isNull();
        assertThat(scores.drivers().get(RecoveryDriver.RELIANCE).priority()).isNull();
        assertThat(scores.drivers().get(RecoveryDriver.LEARNING).n()).isZero();
        assertThat(scores.keyDrivers()).containsExactly(RecoveryDriver.RESOLUTION, RecoveryDriver.RECEPTIVENESS,
                RecoveryDriver.RESPONSIVENESS, RecoveryDriver.RESONANCE, RecoveryDriver.RELIANCE, RecoveryDriver.LEARNING);
    }

    @Test
    void relationshipIndicatorsMatchHandComputedValues() {
        RelationshipImpact impact = RecoveryScores.of(fiveResponses(), 5).relationship();

        assertThat(impact.n()).isEqualTo(5);
        assertThat(impact.counts()).containsExactly(Map.entry(RelationshipOutcome.STRENGTHENED, 2L),
                Map.entry(RelationshipOutcome.FLATTENED, 1L), Map.entry(RelationshipOutcome.WEAKENED, 1L),
                Map.entry(RelationshipOutcome.BROKEN, 1L));
        assertThat(impact.shares().get(RelationshipOutcome.STRENGTHENED)).isCloseTo(0.4, within(EPS));
        assertThat(impact.nri()).isCloseTo(0.0, within(EPS));
        assertThat(impact.rii()).isCloseTo(-0.2, within(EPS));
        double half = 1.96 * Math.sqrt(1.7) / Math.sqrt(5);
        assertThat(impact.ci95().low()).isCloseTo(-0.2 - half, within(EPS));
        assertThat(impact.ci95().high()).isCloseTo(-0.2 + half, within(EPS));
        assertThat(impact.indicator()).isEqualTo("FLATTENED");
    }

    @Test
    void brandEffectIsAScore() {
        ItemScore brand = RecoveryScores.of(fiveResponses(), 5).brandEffect();

        // answers 5, 4, 3, 2 → scores 2, 1, 0, −1
        assertThat(brand.n()).isEqualTo(4);
        assertThat(brand.mean()).isCloseTo(0.5, within(EPS));
        assertThat(brand.distribution()).containsEntry("5", 1L).containsEntry("1", 0L);
    }

    @Test
    void indicatorThresholdsFollowTheSpec() {
        assertThat(RelationshipImpact.indicator(1.0)).isEqualTo(RelationshipOutcome.STRENGTHENED);
        assertThat(RelationshipImpact.indicator(0.5)).isEqualTo(RelationshipOutcome.STRENGTHENED);
        assertThat(RelationshipImpact.indicator(0.4999)).isEqualTo(RelationshipOutcome.FLATTENED);
        assertThat(RelationshipImpact.indicator(-0.4999)).isEqualTo(RelationshipOutcome.FLATTENED);
        assertThat(RelationshipImpact.indicator(-0.5)).isEqualTo(RelationshipOutcome.WEAKENED);
        assertThat(RelationshipImpact.indicator(-1.4999)).isEqualTo(RelationshipOutcome.WEAKENED);
        assertThat(RelationshipImpact.indicator(-1.5)).isEqualTo(RelationshipOutcome.BROKEN);
        assertThat(RelationshipImpact.indicator(-2.0)).isEqualTo(RelationshipOutcome.BROKEN);
    }

    @Test
    void allBrokenRelationshipsGiveTheBrokenIndicator() {
        ScoreSums sums = new ScoreSums();
        for (int i = 0; i < 5; i++) {
            sums.plus(ResponseContribution.of(recovery(RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1), 1)));
        }

        RelationshipImpact impact = RecoveryScores.of(sums, 5).relationship();

        assertThat(impact.nri()).isEqualTo(-100.0);
        assertThat(impact.rii()).isEqualTo(-2.0);
        assertThat(impact.indicator()).isEqualTo("BROKEN");
    }

    @Test
    void tiesAreBrokenByImportanceThenByDeclarationOrder() {
        // RESPONSIVENESS and RESONANCE carry identical answers; RESOLUTION and RELIANCE correlate negatively
        // (priority 0 each), RELIANCE less so
        ScoreSums sums = sumsOf(
                recovery(RelationshipOutcome.STRENGTHENED, Map.of("RESPONSIVENESS", 5, "RESONANCE", 5, "RESOLUTION", 1, "RELIANCE", 3), null),
                recovery(RelationshipOutcome.FLATTENED, Map.of("RESPONSIVENESS", 3, "RESONANCE", 3, "RESOLUTION", 3, "RELIANCE", 2), null),
                recovery(RelationshipOutcome.BROKEN, Map.of("RESPONSIVENESS", 1, "RESONANCE", 1, "RESOLUTION", 5, "RELIANCE", 4), null),
                recovery(RelationshipOutcome.WEAKENED, Map.of("RESPONSIVENESS", 2, "RESONANCE", 2, "RESOLUTION", 4, "RELIANCE", 2), null),
                recovery(RelationshipOutcome.FLATTENED, Map.of("RESPONSIVENESS", 3, "RESONANCE", 3, "RESOLUTION", 3, "RELIANCE", 3), null));

        RecoveryScores scores = RecoveryScores.of(sums, 5);

        assertThat(scores.drivers().get(RecoveryDriver.RESOLUTION).priority()).isEqualTo(0.0);
        assertThat(scores.drivers().get(RecoveryDriver.RELIANCE).priority()).isEqualTo(0.0);
        assertThat(scores.drivers().get(RecoveryDriver.RELIANCE).importance())
                .isGreaterThan(scores.drivers().get(RecoveryDriver.RESOLUTION).importance());
        assertThat(scores.keyDrivers()).containsExactly(RecoveryDriver.RESPONSIVENESS, RecoveryDriver.RESONANCE,
                RecoveryDriver.RELIANCE, RecoveryDriver.RESOLUTION, RecoveryDriver.RECEPTIVENESS, RecoveryDriver.LEARNING);
    }

    @Test
    void belowTheMinimumSampleOnlyCountsAreShown() {
        ScoreSums sums = sumsOf(
                recovery(RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1, "RELIANCE", 1), 1),
                recovery(RelationshipOutcome.WEAKENED, Map.of("RESOLUTION", 2, "RELIANCE", 2), 2),
                recovery(RelationshipOutcome.STRENGTHENED, Map.of("RESOLUTION", 5, "RELIANCE", 4), 5));

        RecoveryScores scores = RecoveryScores.of(sums, 5);

        assertThat(scores.sufficient()).isFalse();
        assertThat(scores.responses()).isEqualTo(3);
        assertThat(scores.relationship().counts()).containsEntry(RelationshipOutcome.BROKEN, 1L);
        assertThat(scores.relationship().shares().values()).containsOnlyNulls();
        assertThat(scores.relationship().nri()).isNull();
        assertThat(scores.relationship().rii()).isNull();
        assertThat(scores.relationship().ci95()).isNull();
        assertThat(scores.relationship().indicator()).isEqualTo(RelationshipImpact.INSUFFICIENT_DATA);
        assertThat(scores.drivers().get(RecoveryDriver.RESOLUTION).n()).isEqualTo(3);
        assertThat(scores.drivers().get(RecoveryDriver.RESOLUTION).mean()).isNull();
        assertThat(scores.drivers().get(RecoveryDriver.RESOLUTION).importance()).isNull();
        assertThat(scores.drivers().get(RecoveryDriver.RESOLUTION).priority()).isNull();
        assertThat(scores.keyDrivers()).isEmpty();
        assertThat(scores.brandEffect().mean()).isNull();
    }

    @Test
    void aRetractionSubtractsEveryPairedSum() {
        ResponseSubmitted gone = recovery(RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1, "RECEPTIVENESS", 2), 1);
        ScoreSums with = fiveResponses().plus(ResponseContribution.of(gone));

        ScoreSums without = with.plus(ResponseContribution.of(gone).negated());

        assertThat(RecoveryScores.of(without, 5)).isEqualTo(RecoveryScores.of(fiveResponses(), 5));
    }

    private static ScoreSums sumsOf(ResponseSubmitted... responses) {
        ScoreSums sums = new ScoreSums();
        for (ResponseSubmitted response : responses) {
            sums.plus(ResponseContribution.of(response));
        }
        return sums;
    }

    private static ResponseSubmitted recovery(RelationshipOutcome outcome, Map<String, Integer> answers,
            Integer brandEffect) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId("acme")
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.parse("2026-11-20T10:15:01Z"))
                .relationship(outcome)
                .brandEffect(brandEffect);
        answers.forEach(builder::answer);
        return builder.build();
    }
}
