package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void pearsonOfAPerfectLineIsOne() {
        ItemSums sums = new ItemSums().add(-2, -2, 0).add(0, -1, 2).add(2, 0, 4);

        assertThat(Statistics.pearson(sums)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void pearsonMatchesHandComputedValue() {
        // x = 1, 2, 3, 4; y = 1, 0, 1, −2 → n·Σxy − ΣxΣy = 4·(−4) − 10·0 = −16,
        // n·Σx² − (Σx)² = 4·30 − 100 = 20, n·Σy² − (Σy)² = 4·6 − 0 = 24 → r = −16 / √480
        ItemSums sums = new ItemSums().add(1, 1, 4).add(2, 0, 5).add(3, 1, 6).add(4, -2, 7);

        assertThat(Statistics.pearson(sums)).isCloseTo(-16 / Math.sqrt(480), within(1e-12));
    }

    @Test
    void pearsonNeedsThreePairsAndSpreadOnBothSides() {
        assertThat(Statistics.pearson(new ItemSums().add(1, 1, 4).add(2, 0, 5))).isNull();
        assertThat(Statistics.pearson(new ItemSums().add(1, 1, 4).add(1, 0, 4).add(1, -1, 4))).isNull();
        assertThat(Statistics.pearson(new ItemSums().add(1, 0, 4).add(2, 0, 5).add(-1, 0, 2))).isNull();
    }

    @Test
    void standardDeviationOfIdenticalValuesIsZero() {
        ItemSums sums = new ItemSums().add(2, 5).add(2, 5).add(2, 5);

        assertThat(Statistics.sd(sums)).isEqualTo(0.0);
        assertThat(Statistics.ci95(sums)).isEqualTo(new Interval(2.0, 2.0));
    }

    @Test
    void subtractingEverythingLeavesZero() {
        ItemSums sums = new ItemSums().add(1, 1, 4).add(-2, -1, 1);

        assertThat(sums.copy().minus(sums).isZero()).isTrue();
    }
}
