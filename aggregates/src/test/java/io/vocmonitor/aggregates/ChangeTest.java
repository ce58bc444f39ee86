package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocmonitor.events.Instrument;
import org.junit.jupiter.api.Test;

/** Two periods compared, against hand-computed numbers (the t quantiles checked by numerical integration). */
class ChangeTest {

    private static final double EPS = 1e-9;

    @Test
    void studentsTQuantilesMatchTheTables() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706204736, within(1e-6));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.302652730, within(1e-7));
        assertThat(StudentT.quantile(0.975, 5)).isCloseTo(2.570581836, within(1e-7));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228138852, within(1e-7));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042272456, within(1e-7));
        assertThat(StudentT.quantile(0.975, 1e6)).isCloseTo(1.959966, within(1e-5));
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-2.570581836, within(1e-7));
    }

    @Test
    void twoMeansDifferByWelchsInterval() {
        // scores 2, 1, 1, −1, 2: mean 1, s² 1.5; then 0, 0, −1, 1, 0, 0: mean 0, s² 0.4
        ItemSums now = scores(2, 1, 1, -1, 2);
        ItemSums before = scores(0, 0, -1, 1, 0, 0);
        // se = √(1.5/5 + 0.4/6) = 0.60553007; ν = 5.7482185; t(0.975, ν) = 2.4731286
        Change change = Change.ofMeans(now, before);

        assertThat(change.current()).isCloseTo(1.0, within(EPS));
        assertThat(change.previous()).isCloseTo(0.0, within(EPS));
        assertThat(change.difference()).isCloseTo(1.0, within(EPS));
        assertThat(change.ci95().low()).isCloseTo(-0.49755374, within(1e-6));
        assertThat(change.ci95().high()).isCloseTo(2.49755374, within(1e-6));
        assertThat(change.significant()).as("the interval holds 0: noise").isFalse();
    }

    @Test
    void aClearShiftIsSignificant() {
        ItemSums now = scores(2, 2, 1, 2, 1, 2, 2, 1);
        ItemSums before = scores(-1, -2, -1, -1, -2, -1, 0, -1);
        Change change = Change.ofMeans(now, before);

        assertThat(change.difference()).isCloseTo(1.625 - (-1.125), within(EPS));
        assertThat(change.ci95().low()).isPositive();
        assertThat(change.significant()).isTrue();
    }

    @Test
    void withFewerThanTwoAnswersThereIsADifferenceButNoInterval() {
        Change change = Change.ofMeans(scores(2), scores(0, 1, 1));
        assertThat(change.difference()).isCloseTo(2 - 2.0 / 3, within(EPS));
        assertThat(change.ci95()).isNull();
        assertThat(change.significant()).isNull();
    }

    @Test
    void netScoresDifferByTheirMarginsOfError() {
        // 5 promoters, 2 detractors of 10 (NPS 30) against 2 and 4 of 8 (NPS −25): +55 ± 75.1315580
        Change change = Change.ofNets(10, 5, 2, 8, 2, 4);
        assertThat(change.current()).isCloseTo(30.0, within(EPS));
        assertThat(change.previous()).isCloseTo(-25.0, within(EPS));
        assertThat(change.difference()).isCloseTo(55.0, within(EPS));
        assertThat(change.ci95().low()).isCloseTo(-20.13155795, within(1e-6));
        assertThat(change.ci95().high()).isCloseTo(130.13155795, within(1e-6));
        assertThat(change.significant()).isFalse();
    }

    @Test
    void sharesDifferByTheNormalInterval() {
        // 8 of 10 against 3 of 8: +42.5 points ± 41.7148025
        Change change = Change.ofShares(10, 8, 8, 3);
        assertThat(change.difference()).isCloseTo(42.5, within(EPS));
        assertThat(change.ci95().low()).isCloseTo(42.5 - 41.71480253, within(1e-6));
        assertThat(change.significant()).isTrue();
    }

    @Test
    void metricsCompareByTheirKindAndHonourTheMinimumSample() {
        ScoreSums now = new ScoreSums();
        ScoreSums before = new ScoreSums();
        for (int score : new int[] {2, 1, 1, -1, 2}) {
            respond(now, "SENSING", score);
        }
        for (int score : new int[] {0, 0, -1, 1, 0, 0}) {
            respond(before, "SENSING", score);
        }

        Change sensing = TrendMetric.find(Instrument.SERVICEPROOF, "SENSING").orElseThrow()
                .compare(now, before, 5);
        assertThat(sensing.ci95().low()).isCloseTo(-0.49755374, within(1e-6));
        Change overall = TrendMetric.find(Instrument.SERVICEPROOF, "overall").orElseThrow()
                .compare(now, before, 5);
        assertThat(overall.difference()).as("a composite: its difference, no interval").isCloseTo(1.0, within(EPS));
        assertThat(overall.ci95()).isNull();
        assertThat(TrendMetric.find(Instrument.SERVICEPROOF, "SENSING").orElseThrow()
                .compare(now, before, 6).difference()).as("the current period below the minimum sample").isNull();
        Change previousWithheld = TrendMetric.find(Instrument.SERVICEPROOF, "SENSING")
                .orElseThrow().compare(before, now, 6);
        assertThat(previousWithheld.current()).isCloseTo(0.0, within(EPS));
        assertThat(previousWithheld.previous()).as("the previous period below the minimum sample").isNull();
    }

    /** One ServiceProof response answering one item with a score. */
    private static void respond(ScoreSums sums, String item, int score) {
        sums.accumulator(Items.RESPONSES).addOccurrence();
        sums.accumulator(item).add(score, score + 3);
    }

    private static ItemSums scores(int... scores) {
        ItemSums sums = new ItemSums();
        for (int score : scores) {
            sums.add(score, score + 3);
        }
        return sums;
    }
}
