package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BucketLayoutTest {

    @Test
    void layoutsHaveTheDocumentedWidths() {
        // RESPONSES 3; seven aspects of 3 + 5 counts; RECOMMEND 3 + 11; EFFORT 3 + 7; SATISFACTION 3 + 5
        assertThat(BucketLayout.of(Instrument.SERVICEPROOF).width()).isEqualTo(3 + 7 * 8 + 14 + 10 + 8);
        // RESPONSES 3; six drivers of 6 + 5; BRAND_EFFECT 8; RELATIONSHIP 3 + 4; RECOMMEND, EFFORT, SATISFACTION
        assertThat(BucketLayout.of(Instrument.SERVICE_RECOVERY).width()).isEqualTo(3 + 6 * 11 + 8 + 7 + 14 + 10 + 8);
        // RESPONSES 3; 44 statements of 3 + counts of points 0..5 and NA
        assertThat(BucketLayout.of(Instrument.SERVICE_EXCELLENCE_SCAN).width()).isEqualTo(3 + 44 * 10);
        BucketLayout.ItemSlots sensing = BucketLayout.of(Instrument.SERVICEPROOF).items().get(1);
        assertThat(sensing).isEqualTo(new BucketLayout.ItemSlots("SENSING", 3, false, 1, 5));
    }

    @Test
    void aServiceProofResponseTakesTheSlotsOfItsAnswers() {
        ResponseSubmitted response = base(Instrument.SERVICEPROOF).answer("SENSING", 5).answer("VALUE", 1)
                .recommend(9).build();
        long[] array = BucketLayout.of(Instrument.SERVICEPROOF).encode(ResponseContribution.of(response));

        assertThat(Arrays.copyOfRange(array, 0, 3)).containsExactly(1, 0, 0); // RESPONSES: n only
        // SENSING at 3: n 1, Σx 2, Σx² 4, counts of answers 1..5
        assertThat(Arrays.copyOfRange(array, 3, 11)).containsExactly(1, 2, 4, 0, 0, 0, 0, 1);
        // VALUE is the fourth aspect: 3 + 3·8
        assertThat(Arrays.copyOfRange(array, 27, 35)).containsExactly(1, -2, 4, 1, 0, 0, 0, 0);
        // RECOMMEND after the seven aspects: n 1, Σx 9, Σx² 81, counts 0..10
        assertThat(Arrays.copyOfRange(array, 59, 73)).containsExactly(1, 9, 81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(Arrays.stream(array).filter(v -> v != 0).count()).isEqualTo(1 + 4 + 4 + 4);
    }

    @Test
    void sumsSurviveTheRoundTripForBothInstruments() {
        ScoreSums serviceProof = ResponseContribution.of(base(Instrument.SERVICEPROOF).answer("EMPATHY", 2)
                .answer("ENGAGEMENT", 4).effort(6).satisfaction(4).build())
                .plus(ResponseContribution.of(base(Instrument.SERVICEPROOF).answer("EMPATHY", 5).recommend(0).build()));
        ScoreSums recovery = ResponseContribution.of(base(Instrument.SERVICE_RECOVERY)
                .relationship(RelationshipOutcome.BROKEN).answer("RESOLUTION", 1).answer("LEARNING", 4).brandEffect(2)
                .recommend(3).build())
                .plus(ResponseContribution.of(base(Instrument.SERVICE_RECOVERY)
                        .relationship(RelationshipOutcome.STRENGTHENED).answer("RESOLUTION", 5).build()));

        assertThat(roundTrip(Instrument.SERVICEPROOF, serviceProof)).isEqualTo(serviceProof);
        assertThat(roundTrip(Instrument.SERVICE_RECOVERY, recovery)).isEqualTo(recovery);
        // the pairing with the impact score is kept: RESOLUTION scores −2, +2 against impacts −2, +1
        assertThat(roundTrip(Instrument.SERVICE_RECOVERY, recovery).get("RESOLUTION").sumXY()).isEqualTo(4 + 2);
    }

    @Test
    void arraysAddSlotBySlotAndSubtractionCancels() {
        BucketLayout layout = BucketLayout.of(Instrument.SERVICEPROOF);
        ScoreSums one = ResponseContribution.of(base(Instrument.SERVICEPROOF).answer("SENSING", 4).build());
        ScoreSums two = ResponseContribution.of(base(Instrument.SERVICEPROOF).answer("SENSING", 2).effort(7).build());

        long[] total = BucketLayout.add(layout.encode(one), layout.encode(two));
        assertThat(layout.decode(total)).isEqualTo(new ScoreSums().plus(one).plus(two));
        assertThat(layout.decode(BucketLayout.add(total, layout.encode(two.negated())))).isEqualTo(one);
        assertThat(layout.decode(BucketLayout.add(layout.encode(one), layout.encode(one.negated()))).items()).isEmpty();
    }

    @Test
    void aShorterArrayFromAnOlderLayoutReadsAsZerosAfterItsEnd() {
        BucketLayout layout = BucketLayout.of(Instrument.SERVICEPROOF);
        long[] full = layout.encode(ResponseContribution.of(base(Instrument.SERVICEPROOF).answer("SENSING", 4)
                .satisfaction(5).build()));
        long[] withoutSatisfaction = Arrays.copyOf(full, layout.width() - 8);

        ScoreSums read = layout.decode(withoutSatisfaction);
        assertThat(read.get("SENSING").n()).isEqualTo(1);
        assertThat(read.items()).doesNotContainKey(Items.SATISFACTION);
        assertThat(BucketLayout.add(withoutSatisfaction, full)).hasSize(layout.width());
    }

    @Test
    void sumsWithoutAPlaceAreRefused() {
        ScoreSums stray = new ScoreSums().plus("SENSING", new ItemSums().add(1, 1, 4));
        assertThatThrownBy(() -> BucketLayout.of(Instrument.SERVICEPROOF).encode(stray))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SENSING is not paired");
        ScoreSums unknown = new ScoreSums().plus("LOYALTY", new ItemSums().add(1, 4));
        assertThatThrownBy(() -> BucketLayout.of(Instrument.SERVICEPROOF).encode(unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOYALTY has no place");
        ScoreSums outOfScale = new ScoreSums().plus("EMPATHY", new ItemSums().add(7, 10));
        assertThatThrownBy(() -> BucketLayout.of(Instrument.SERVICEPROOF).encode(outOfScale))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no count slot for answer 10");
    }

    @Test
    void postgresTextForm() {
        assertThat(BucketLayout.toSql(new long[] {0, -2, 4, 1234567890123L, -1}))
                .isEqualTo("{0,-2,4,1234567890123,-1}");
        assertThat(BucketLayout.toSql(new long[0])).isEqualTo("{}");
    }

    private static ScoreSums roundTrip(Instrument instrument, ScoreSums sums) {
        BucketLayout layout = BucketLayout.of(instrument);
        return layout.decode(layout.encode(sums));
    }

    private static ResponseSubmitted.Builder base(Instrument instrument) {
        return ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId("acme").instrument(instrument)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z")).receivedAt(Instant.parse("2026-11-20T10:15:01Z"));
    }
}
