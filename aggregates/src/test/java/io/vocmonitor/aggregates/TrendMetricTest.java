package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrendMetricTest {

    @Test
    void everyMetricOfSpecSection8Exists() {
        assertThat(TrendMetric.of(Instrument.SERVICEPROOF)).extracting(TrendMetric::name).containsExactly(
                "overall", "SER", "V", "ICE", "SENSING", "EMPATHY", "RESONANCE", "VALUE", "INDIVIDUALIZE",
                "COMMITMENT", "ENGAGEMENT", "nps", "ces", "csat");
        assertThat(TrendMetric.of(Instrument.SERVICE_RECOVERY)).extracting(TrendMetric::name).containsExactly(
                "nri", "rii", "RECEPTIVENESS", "RESPONSIVENESS", "RESONANCE", "RESOLUTION", "RELIANCE", "LEARNING",
                "nps", "ces", "csat");
    }

    @Test
    void metricsAreFoundByNameCaseInsensitivelyAndOnlyForTheirInstrument() {
        assertThat(TrendMetric.find(Instrument.SERVICEPROOF, "Overall")).isPresent();
        assertThat(TrendMetric.find(Instrument.SERVICEPROOF, "nri")).isEmpty();
        assertThat(TrendMetric.find(Instrument.SERVICE_RECOVERY, "overall")).isEmpty();
        assertThat(TrendMetric.find(Instrument.SERVICE_RECOVERY, "resolution").orElseThrow().name()).isEqualTo("RESOLUTION");
    }

    @Test
    void aMetricReadsItsScoreAndIsNullBelowTheMinimumSample() {
        ScoreSums sums = new ScoreSums();
        for (RelationshipOutcome outcome : new RelationshipOutcome[] {RelationshipOutcome.STRENGTHENED,
                RelationshipOutcome.BROKEN, RelationshipOutcome.FLATTENED}) {
            sums.plus(ResponseContribution.of(ResponseSubmitted.builder()
                    .responseId(UUID.randomUUID()).organisationId("acme").instrument(Instrument.SERVICE_RECOVERY)
                    .answeredAt(Instant.EPOCH).receivedAt(Instant.EPOCH).relationship(outcome).answer("RESOLUTION", 4)
                    .build()));
        }
        TrendMetric rii = TrendMetric.find(Instrument.SERVICE_RECOVERY, "rii").orElseThrow();

        assertThat(rii.value(sums, 3)).isEqualTo(-1.0 / 3);
        assertThat(rii.value(sums, 4)).isNull();
        assertThat(TrendMetric.find(Instrument.SERVICE_RECOVERY, "RESOLUTION").orElseThrow().value(sums, 3)).isEqualTo(1.0);
    }
}
