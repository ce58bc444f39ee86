package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ScanScale;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scan's numbers of SPEC §2.4 against hand-computed ones. */
class ScanScoresTest {

    private static final double EPS = 1e-12;
    private static final int MINIMUM_SAMPLE = 5;

    /**
     * Respondents' answers: each row is one respondent, each cell "STATEMENT=WORD"; every statement a respondent
     * does not name is answered NA, as the questionnaire offers NA everywhere.
     */
    private static ScoreSums respondents(String... rows) {
        ScoreSums sums = new ScoreSums();
        for (String row : rows) {
            Map<String, String> answers = new HashMap<>();
            for (String cell : row.split(" ")) {
                String[] parts = cell.split("=");
                answers.put(parts[0], parts[1]);
            }
            ResponseSubmitted.Builder response = ResponseSubmitted.builder().responseId(UUID.randomUUID())
                    .organisationId("acme").instrument(Instrument.SERVICE_EXCELLENCE_SCAN)
                    .answeredAt(Instant.EPOCH).receivedAt(Instant.EPOCH);
            for (ScanCatalogue.Statement statement : ScanCatalogue.STATEMENTS) {
                String word = answers.getOrDefault(statement.id(), ScanScale.NOT_APPLICABLE);
                if (word.equals(ScanScale.NOT_APPLICABLE)) {
                    response.notApplicable(statement.id());
                } else {
                    response.answer(statement.id(), statement.scale().word(word).orElseThrow().points());
                }
            }
            // through the bucket layout and back, as the dashboard reads it
            BucketLayout layout = BucketLayout.of(Instrument.SERVICE_EXCELLENCE_SCAN);
            sums.plus(layout.decode(layout.encode(ResponseContribution.of(response.build()))));
        }
        return sums;
    }

    @Test
    void naEverywhereButOneStatementScoresThatStatementItsBlockAndTheOverallAlone() {
        // DESIGN_1 answered 3, 1, 0, 3, 3: Σ 10 of a maximum 15; mean 2; deviations 1, −1, −2, 1, 1 → sd √(8/4)
        ScanScores scan = ScanScores.of(respondents("DESIGN_1=SYSTEMATIC", "DESIGN_1=STARTED", "DESIGN_1=NO",
                "DESIGN_1=SYSTEMATIC", "DESIGN_1=SYSTEMATIC"), MINIMUM_SAMPLE);

        assertThat(scan.responses()).isEqualTo(5);
        assertThat(scan.sufficient()).isTrue();
        ScanScores.StatementScore design1 = scan.blocks().get("DESIGN").items().get("DESIGN_1");
        assertThat(design1.n()).isEqualTo(5);
        assertThat(design1.naCount()).isZero();
        assertThat(design1.mean()).isCloseTo(2.0, within(EPS));
        assertThat(design1.sd()).isCloseTo(Math.sqrt(2), within(EPS));
        assertThat(design1.distribution()).containsExactly(Map.entry("NO", 1L), Map.entry("STARTED", 1L),
                Map.entry("SYSTEMATIC", 3L));
        assertThat(scan.blocks().get("DESIGN").score()).isCloseTo(100.0 * 10 / 15, within(EPS));
        assertThat(scan.blocks().get("DESIGN").band()).isEqualTo(ScanBand.EXCELLENCE);
        assertThat(scan.blocks().get("DESIGN").n()).isEqualTo(5);
        assertThat(scan.overall().score()).isCloseTo(100.0 * 10 / 15, within(EPS));

        ScanScores.StatementScore design2 = scan.blocks().get("DESIGN").items().get("DESIGN_2");
        assertThat(design2.n()).isZero();
        assertThat(design2.naCount()).isEqualTo(5);
        assertThat(design2.mean()).isNull();
        assertThat(scan.results().areas().get("LOYAL_CUSTOMERS").items().get("LOYAL_CUSTOMERS_1").naCount())
                .isEqualTo(5);

        assertThat(scan.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.item()).isEqualTo("DESIGN_1");
            assertThat(d.sd()).isCloseTo(Math.sqrt(2), within(EPS));
            assertThat(d.relativeSd()).isCloseTo(Math.sqrt(2) / 3, within(EPS));
        });
    }

    @Test
    void aBlockOrAreaWithNoAnsweredStatementHasNoScoreAndNoBand() {
        ScanScores scan = ScanScores.of(respondents("DESIGN_1=NO", "DESIGN_1=NO", "DESIGN_1=STARTED",
                "DESIGN_1=NO", "DESIGN_1=NO"), MINIMUM_SAMPLE);

        assertThat(scan.blocks().get("STRATEGY").score()).isNull();
        assertThat(scan.blocks().get("STRATEGY").band()).isNull();
        assertThat(scan.blocks().get("STRATEGY").n()).isZero();
        assertThat(scan.results().score()).isNull();
        assertThat(scan.results().band()).isNull();
        // the answered one: 1 of 15 points
        assertThat(scan.blocks().get("DESIGN").score()).isCloseTo(100.0 / 15, within(EPS));
        assertThat(scan.blocks().get("DESIGN").band()).isEqualTo(ScanBand.BEGINNING);
    }

    @Test
    void scoresPoolPointsOverStatementsAndRespondentsOnBothScales() {
        // DESIGN_1: 3, 1, 1, 0, 3 (8 of 15); DESIGN_2: 0, NA, 3, 3, NA (6 of 9) → DESIGN 14 of 24
        // SERVICE_PERFORMANCE_1: 5, 3, NA, 1, 0 (9 of 20); LOYAL_CUSTOMERS_1: 5 for all five (25 of 25)
        ScanScores scan = ScanScores.of(respondents(
                "DESIGN_1=SYSTEMATIC DESIGN_2=NO SERVICE_PERFORMANCE_1=TOP LOYAL_CUSTOMERS_1=TOP",
                "DESIGN_1=STARTED SERVICE_PERFORMANCE_1=ABOVE_AVERAGE LOYAL_CUSTOMERS_1=TOP",
                "DESIGN_1=STARTED DESIGN_2=SYSTEMATIC LOYAL_CUSTOMERS_1=TOP",
                "DESIGN_1=NO DESIGN_2=SYSTEMATIC SERVICE_PERFORMANCE_1=AVERAGE LOYAL_CUSTOMERS_1=TOP",
                "DESIGN_1=SYSTEMATIC SERVICE_PERFORMANCE_1=BELOW_AVERAGE LOYAL_CUSTOMERS_1=TOP"), MINIMUM_SAMPLE);

        assertThat(scan.blocks().get("DESIGN").score()).isCloseTo(100.0 * 14 / 24, within(EPS));
        assertThat(scan.blocks().get("DESIGN").n()).isEqualTo(8);
        assertThat(scan.results().areas().get("SERVICE_PERFORMANCE").score()).isCloseTo(100.0 * 9 / 20, within(EPS));
        assertThat(scan.results().areas().get("LOYAL_CUSTOMERS").score()).isCloseTo(100.0, within(EPS));
        assertThat(scan.results().score()).isCloseTo(100.0 * 34 / 45, within(EPS));
        assertThat(scan.overall().score()).isCloseTo(100.0 * 48 / 69, within(EPS));
        assertThat(scan.overall().band()).isEqualTo(ScanBand.EXCELLENCE);
        assertThat(scan.results().areas().get("SERVICE_PERFORMANCE").items().get("SERVICE_PERFORMANCE_1")
                .distribution()).containsExactly(Map.entry("BELOW_AVERAGE", 1L), Map.entry("AVERAGE", 1L),
                        Map.entry("ABOVE_AVERAGE", 1L), Map.entry("TOP", 1L));
        // a statement with n below the minimum sample is no disagreement; LOYAL_CUSTOMERS_1 (sd 0) is the last
        assertThat(scan.disagreements()).extracting(ScanScores.Disagreement::item)
                .containsExactly("DESIGN_1", "LOYAL_CUSTOMERS_1");
    }

    @Test
    void bandEdgesBelongToTheBandAbove() {
        assertThat(ScanBand.of(19.999999)).isEqualTo(ScanBand.BEGINNING);
        assertThat(ScanBand.of(0.0)).isEqualTo(ScanBand.BEGINNING);
        assertThat(ScanBand.of(null)).isNull();
        // exactly 20, 30, 40 and 50 %, from sums
        assertThat(blockBand("DESIGN_1", "STARTED", "STARTED", "STARTED", "NO", "NO")).isEqualTo(ScanBand.STARTED_TO_WORK);
        assertThat(blockBand("DESIGN_1", "SYSTEMATIC", "SYSTEMATIC", "SYSTEMATIC", "NO", "NO", "NO", "NO", "NO",
                "NO", "NO")).isEqualTo(ScanBand.WELL_ON_THE_WAY);
        assertThat(areaBand("SERVICE_PERFORMANCE_1", "TOP", "TOP", "BELOW_AVERAGE", "BELOW_AVERAGE",
                "BELOW_AVERAGE")).isEqualTo(ScanBand.APPLAUSE);
        assertThat(blockBand("DESIGN_1", "SYSTEMATIC", "SYSTEMATIC", "SYSTEMATIC", "NO", "NO", "NO"))
                .isEqualTo(ScanBand.EXCELLENCE);
        assertThat(ScanScores.of(respondents("DESIGN_1=STARTED", "DESIGN_1=STARTED", "DESIGN_1=STARTED",
                "DESIGN_1=NO", "DESIGN_1=NO"), MINIMUM_SAMPLE).blocks().get("DESIGN").score()).isEqualTo(20.0);
    }

    @Test
    void equalSpreadsOnTheTwoScalesAreATieOrderedByStatementId() {
        // element 0, 3, 0, 3, 0 and result 0, 5, 0, 5, 0: sd/3 = sd/5 = √0.3 exactly; CULTURE_1 ties with both
        ScanScores scan = ScanScores.of(respondents(
                "SERVICE_PERFORMANCE_1=BELOW_AVERAGE DESIGN_1=NO CULTURE_1=NO PEOPLE_1=NO",
                "SERVICE_PERFORMANCE_1=TOP DESIGN_1=SYSTEMATIC CULTURE_1=SYSTEMATIC PEOPLE_1=STARTED",
                "SERVICE_PERFORMANCE_1=BELOW_AVERAGE DESIGN_1=NO CULTURE_1=NO PEOPLE_1=NO",
                "SERVICE_PERFORMANCE_1=TOP DESIGN_1=SYSTEMATIC CULTURE_1=SYSTEMATIC PEOPLE_1=STARTED",
                "SERVICE_PERFORMANCE_1=BELOW_AVERAGE DESIGN_1=NO CULTURE_1=NO PEOPLE_1=NO"), MINIMUM_SAMPLE);

        assertThat(scan.disagreements()).extracting(ScanScores.Disagreement::item)
                .containsExactly("CULTURE_1", "DESIGN_1", "SERVICE_PERFORMANCE_1", "PEOPLE_1");
        assertThat(scan.disagreements().get(0).relativeSd()).isCloseTo(Math.sqrt(0.3), within(EPS));
        assertThat(scan.disagreements().get(2).sd()).isCloseTo(Math.sqrt(7.5), within(EPS));
    }

    @Test
    void belowTheMinimumSampleOnlyCountsAreGivenNotEvenTheAnswers() {
        ScanScores scan = ScanScores.of(respondents("DESIGN_1=SYSTEMATIC", "DESIGN_1=NO", "DESIGN_1=STARTED",
                "DESIGN_1=NO"), MINIMUM_SAMPLE);

        assertThat(scan.sufficient()).isFalse();
        assertThat(scan.overall().score()).isNull();
        assertThat(scan.blocks().get("DESIGN").score()).isNull();
        assertThat(scan.blocks().get("DESIGN").n()).isEqualTo(4);
        assertThat(scan.blocks().get("DESIGN").items().get("DESIGN_1").mean()).isNull();
        assertThat(scan.blocks().get("DESIGN").items().get("DESIGN_1").n()).isEqualTo(4);
        assertThat(scan.blocks().get("DESIGN").items().get("DESIGN_1").naCount()).isZero();
        assertThat(scan.blocks().get("DESIGN").items().get("DESIGN_1").distribution()).isNull();
        assertThat(scan.disagreements()).isEmpty();
        assertThat(ScanScores.overall(respondents("DESIGN_1=NO", "DESIGN_1=NO", "DESIGN_1=NO", "DESIGN_1=NO"),
                MINIMUM_SAMPLE)).isNull();
    }

    private static ScanBand blockBand(String statement, String... words) {
        return ScanScores.of(respondents(rows(statement, words)), MINIMUM_SAMPLE).blocks().get("DESIGN").band();
    }

    private static ScanBand areaBand(String statement, String... words) {
        return ScanScores.of(respondents(rows(statement, words)), MINIMUM_SAMPLE).results().areas()
                .get("SERVICE_PERFORMANCE").band();
    }

    private static String[] rows(String statement, String... words) {
        return java.util.Arrays.stream(words).map(word -> statement + "=" + word).toArray(String[]::new);
    }
}
