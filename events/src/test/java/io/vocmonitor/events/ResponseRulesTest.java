package io.vocmonitor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule book of responses, per instrument, as writer and readers apply it. */
class ResponseRulesTest {

    private static ResponseSubmitted.Builder response(Instrument instrument) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId("acme")
                .instrument(instrument)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.parse("2026-11-20T10:15:01Z"))
                .channel(Channel.PHONE);
    }

    private static List<String> fields(ResponseSubmitted.Builder response) {
        return ResponseRules.violations(response.build()).stream().map(Violation::field).toList();
    }

    @Test
    void validResponsesOfBothInstrumentsBreakNoRule() {
        assertThat(ResponseRules.violations(response(Instrument.SERVICEPROOF).answer("VALUE", 4).recommend(10)
                .effort(7).satisfaction(5).comment("line one\nline two").build())).isEmpty();
        assertThat(ResponseRules.violations(response(Instrument.SERVICE_RECOVERY)
                .relationship(RelationshipOutcome.BROKEN).brandEffect(1).build())).isEmpty();
    }

    @Test
    void itemsBelongToTheirInstrumentAndStayOnTheirScale() {
        List<Violation> violations = ResponseRules.violations(response(Instrument.SERVICEPROOF)
                .answer("VALUE", 6).answer("RESOLUTION", 4).build());

        assertThat(violations).extracting(Violation::toString).containsExactlyInAnyOrder(
                "answers.VALUE: must be 1..5, got 6",
                "answers.RESOLUTION: not an item of SERVICEPROOF; its items are SENSING, EMPATHY, RESONANCE, VALUE, "
                        + "INDIVIDUALIZE, COMMITMENT, ENGAGEMENT");
    }

    @Test
    void requiredAnswersAreRequiredPerInstrument() {
        assertThat(fields(response(Instrument.SERVICEPROOF))).containsExactly("answers");
        assertThat(fields(response(Instrument.SERVICE_RECOVERY))).containsExactly("relationship");
        assertThat(fields(response(Instrument.SERVICEPROOF).answer("SENSING", 3)
                .relationship(RelationshipOutcome.WEAKENED).brandEffect(3))).containsExactly("relationship", "brandEffect");
    }

    @Test
    void optionalQuestionsStayOnTheirScales() {
        assertThat(ResponseRules.violations(response(Instrument.SERVICE_RECOVERY).relationship(RelationshipOutcome.FLATTENED)
                .brandEffect(0).recommend(11).effort(0).satisfaction(6).build()))
                .extracting(Violation::toString).containsExactly(
                        "brandEffect: must be 1..5, got 0",
                        "recommend: must be 0..10, got 11",
                        "effort: must be 1..7, got 0",
                        "satisfaction: must be 1..5, got 6");
    }

    @Test
    void textsHaveLengthsAndNoControlCharacters() {
        ResponseSubmitted.Builder response = response(Instrument.SERVICEPROOF).answer("VALUE", 4)
                .touchpoint("t".repeat(101)).respondentRef("c-1\u0007").comment("x".repeat(4001));
        assertThat(fields(response)).containsExactlyInAnyOrder("touchpoint", "respondentRef", "comment");
        assertThat(fields(response(Instrument.SERVICEPROOF).answer("VALUE", 4).touchpoint("t".repeat(100))
                .respondentRef("r".repeat(200)).comment("x".repeat(4000)))).isEmpty();
    }

    @Test
    void everyItemOfTheDefinitionsHasAScaleAndAStatementInBothLanguages() {
        for (Instrument instrument : Instrument.values()) {
            InstrumentDefinition definition = InstrumentDefinition.of(instrument);
            assertThat(definition.instrument()).isEqualTo(instrument);
            assertThat(definition.items()).isNotEmpty().allSatisfy(item -> {
                assertThat(item.scale() == null).isNotEqualTo(item.words() == null); // numbers or words, one of them
                assertThat(item.statement().en()).isNotBlank();
                assertThat(item.statement().nl()).isNotBlank();
            });
        }
    }

    @Test
    void aScanAnswersStatementsWithTheirScalesPointsAndCarriesRoleAndUnitNotChannelOrTouchpoint() {
        ResponseSubmitted.Builder scan = response(Instrument.SERVICE_EXCELLENCE_SCAN).channel(Channel.OTHER)
                .answer("DESIGN_1", 3).answer("LOYAL_CUSTOMERS_1", 5).notApplicable("CULTURE_2")
                .role(ScanRole.MANAGER).unit("Contact centre");
        assertThat(ResponseRules.violations(scan.build())).isEmpty();

        List<Violation> violations = ResponseRules.violations(response(Instrument.SERVICE_EXCELLENCE_SCAN)
                .answer("DESIGN_1", 5).answer("LOYAL_CUSTOMERS_1", 2).answer("SENSING", 4).notApplicable("NOPE_1")
                .notApplicable("LOYAL_CUSTOMERS_1").touchpoint("billing").recommend(9).build());
        assertThat(violations).extracting(Violation::toString).containsExactlyInAnyOrder(
                "answers.DESIGN_1: must be NO (0), STARTED (1), SYSTEMATIC (3), got 5",
                "answers.LOYAL_CUSTOMERS_1: must be BELOW_AVERAGE (0), AVERAGE (1), ABOVE_AVERAGE (3), TOP (5), got 2",
                "answers.SENSING: not an item of SERVICE_EXCELLENCE_SCAN; its items are "
                        + String.join(", ", ScanCatalogue.STATEMENTS.stream().map(ScanCatalogue.Statement::id).toList()),
                "notApplicable.NOPE_1: not an item of SERVICE_EXCELLENCE_SCAN; its items are "
                        + String.join(", ", ScanCatalogue.STATEMENTS.stream().map(ScanCatalogue.Statement::id).toList()),
                "notApplicable.LOYAL_CUSTOMERS_1: answered and not applicable at once",
                "channel: only asked on SERVICEPROOF, SERVICE_RECOVERY; a SERVICE_EXCELLENCE_SCAN response has a role "
                        + "and a unit instead",
                "touchpoint: only asked on SERVICEPROOF, SERVICE_RECOVERY; a SERVICE_EXCELLENCE_SCAN response names its "
                        + "department or team as unit",
                "recommend: only asked on SERVICEPROOF, SERVICE_RECOVERY");
        assertThat(fields(response(Instrument.SERVICE_EXCELLENCE_SCAN).channel(Channel.OTHER)
                .notApplicable("DESIGN_1").notApplicable("DESIGN_2")))
                .containsExactly("answers");
        assertThat(fields(response(Instrument.SERVICEPROOF).answer("VALUE", 4).role(ScanRole.EMPLOYEE).unit("kcc")
                .notApplicable("VALUE"))).containsExactly("role", "unit", "notApplicable", "notApplicable.VALUE");
        assertThat(fields(scan.unit("u".repeat(101)))).containsExactly("unit");
    }

    @Test
    void outcomeCodesAreStoredAndNeverChange() {
        // the bucket arrays count outcomes by code: changing one would move history to another outcome
        assertThat(RelationshipOutcome.STRENGTHENED.code()).isEqualTo(0);
        assertThat(RelationshipOutcome.FLATTENED.code()).isEqualTo(1);
        assertThat(RelationshipOutcome.WEAKENED.code()).isEqualTo(2);
        assertThat(RelationshipOutcome.BROKEN.code()).isEqualTo(3);
    }
}
