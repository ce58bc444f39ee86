package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sector benchmark of SPEC §2.4: sufficient scans only, sectors of three or more, no rank. */
class ScanBenchmarkTest {

    private static final int MINIMUM_SAMPLE = 5;
    private static final double EPS = 1e-12;

    /** An organisation whose {@code respondents} all answer DESIGN_1 with {@code points} (0, 1 or 3). */
    private static ScanBenchmark.Participant organisation(String id, String sector, int respondents, int points) {
        ScoreSums sums = new ScoreSums();
        for (int i = 0; i < respondents; i++) {
            sums.plus(ResponseContribution.of(ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId(id)
                    .instrument(Instrument.SERVICE_EXCELLENCE_SCAN).answeredAt(Instant.EPOCH).receivedAt(Instant.EPOCH)
                    .answer("DESIGN_1", points).build()));
        }
        return new ScanBenchmark.Participant(id, sector, sums);
    }

    @Test
    void aSectorIsShownWithThreeSufficientOrganisationsAndNotWithTwo() {
        List<ScanBenchmark.Participant> participants = new ArrayList<>(List.of(
                organisation("a", "TRADE", 5, 3), organisation("b", "TRADE", 6, 1),
                organisation("small", "TRADE", 4, 0), organisation("x", "HEALTHCARE", 5, 0)));

        ScanBenchmark two = ScanBenchmark.of(participants, MINIMUM_SAMPLE);
        assertThat(two.sectors()).isEmpty();
        ScanBenchmark.Position a = two.position("a", "TRADE");
        assertThat(a.sectorMean()).isNull();
        assertThat(a.difference()).isNull();
        assertThat(a.organisations()).isEqualTo(2); // the one below the minimum sample does not count

        participants.add(organisation("c", "TRADE", 5, 0));
        ScanBenchmark three = ScanBenchmark.of(participants, MINIMUM_SAMPLE);
        double mean = (100.0 + 100.0 / 3 + 0) / 3;
        assertThat(three.sectors()).hasSize(1);
        assertThat(three.sectors().get(0).sector()).isEqualTo("TRADE");
        assertThat(three.sectors().get(0).mean()).isCloseTo(mean, within(EPS));
        assertThat(three.sectors().get(0).organisations()).isEqualTo(3);
        ScanBenchmark.Position b = three.position("b", "TRADE");
        assertThat(b.sectorMean()).isCloseTo(mean, within(EPS));
        assertThat(b.difference()).isCloseTo(100.0 / 3 - mean, within(EPS));
        assertThat(b.minimumOrganisations()).isEqualTo(3);
        // an organisation below the minimum sample sees its sector's mean, but no difference of its own
        ScanBenchmark.Position small = three.position("small", "TRADE");
        assertThat(small.sectorMean()).isCloseTo(mean, within(EPS));
        assertThat(small.difference()).isNull();
    }

    @Test
    void sectorsAreOrderedByMeanAndAnOrganisationWithoutSectorOrScanStandsNowhere() {
        List<ScanBenchmark.Participant> participants = new ArrayList<>();
        for (String id : List.of("f1", "f2", "f3")) {
            participants.add(organisation(id, "FINANCIALS", 5, 3));
        }
        for (String id : List.of("s1", "s2", "s3")) {
            participants.add(organisation(id, "SERVICES", 5, 1));
        }
        ScanBenchmark benchmark = ScanBenchmark.of(participants, MINIMUM_SAMPLE);
        assertThat(benchmark.sectors()).extracting(ScanBenchmark.SectorMean::sector)
                .containsExactly("FINANCIALS", "SERVICES");
        ScanBenchmark.Position none = benchmark.position("new", null);
        assertThat(none.sectorMean()).isNull();
        assertThat(none.organisations()).isZero();
        assertThat(none.sectors()).hasSize(2);
        assertThat(benchmark.position("new", "SERVICES").difference()).isNull();
    }
}
