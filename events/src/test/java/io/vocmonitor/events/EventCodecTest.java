package io.vocmonitor.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final ResponseSubmitted SUBMITTED = ResponseSubmitted.builder()
            .responseId(UUID.fromString("0d4c7c1e-2f0a-4c55-9d7e-1c1f3f7b2a10"))
            .organisationId("acme")
            .instrument(Instrument.SERVICE_RECOVERY)
            .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
            .receivedAt(Instant.parse("2026-11-20T10:15:02.123Z"))
            .channel(Channel.PHONE)
            .touchpoint("billing")
            .answer("RESOLUTION", 5)
            .answer("LEARNING", null)
            .relationship(RelationshipOutcome.STRENGTHENED)
            .brandEffect(4)
            .recommend(9)
            .comment("Quickly sorted out, thank you.")
            .build();

    @Test
    void aSubmissionSurvivesTheRoundTrip() throws UnreadableEventException {
        String json = EventCodec.encode(SUBMITTED);

        assertThat(json).contains("\"schemaVersion\":1", "\"type\":\"ResponseSubmitted\"",
                "\"answeredAt\":\"2026-11-20T10:15:00Z\"").doesNotContain("LEARNING").doesNotContain("effort");
        assertThat(EventCodec.decodeResponseEvent(json)).isEqualTo(SUBMITTED);
    }

    @Test
    void aRetractionSurvivesTheRoundTrip() throws UnreadableEventException {
        ResponseRetracted retracted = ResponseRetracted.of(UUID.randomUUID(), "acme", Instant.parse("2026-11-21T08:00:00Z"));

        assertThat(EventCodec.decodeResponseEvent(EventCodec.encode(retracted))).isEqualTo(retracted);
    }

    @Test
    void alertsSurviveTheRoundTripWithOneIdPerResponse() throws UnreadableEventException {
        AlertRaised raised = AlertRaised.of(AlertKind.RELATIONSHIP_BROKEN, SUBMITTED, Instant.parse("2026-11-20T10:15:03Z"));
        AlertWithdrawn withdrawn = AlertWithdrawn.of(SUBMITTED.responseId(), "acme", Instant.parse("2026-11-22T09:00:00Z"));

        assertThat(EventCodec.decodeAlertEvent(EventCodec.encode(raised))).isEqualTo(raised);
        assertThat(EventCodec.decodeAlertEvent(EventCodec.encode(withdrawn))).isEqualTo(withdrawn);
        assertThat(withdrawn.alertId()).isEqualTo(raised.alertId())
                .isEqualTo(AlertEvent.alertIdOf(SUBMITTED.responseId()))
                .isNotEqualTo(AlertEvent.alertIdOf(UUID.randomUUID()));
    }

    @Test
    void fieldsOfNewerWritersAreSkipped() throws UnreadableEventException {
        String json = EventCodec.encode(SUBMITTED).replaceFirst("\\{", "{\"language\":\"nl\",");

        assertThat(EventCodec.decodeResponseEvent(json)).isEqualTo(SUBMITTED);
    }

    @Test
    void recordsThatBreakTheContractAreRefusedWithTheirReason() {
        assertReason("not json", "not-json");
        assertReason("[1, 2]", "not-json");
        assertReason(EventCodec.encode(SUBMITTED).replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                "unsupported-schema-version");
        assertReason(EventCodec.encode(SUBMITTED).replace("ResponseSubmitted", "ResponseEdited"), "unknown-type");
        assertReason(EventCodec.encode(SUBMITTED).replace("SERVICE_RECOVERY", "SURVEY_X"), "invalid");
        assertReason(EventCodec.encode(SUBMITTED).replace("\"RESOLUTION\":5", "\"RESOLUTION\":6"), "invalid");
        assertReason(EventCodec.encode(SUBMITTED).replace(",\"relationship\":\"STRENGTHENED\"", ""), "invalid");
        assertReason(EventCodec.encode(SUBMITTED).replace("\"RESOLUTION\"", "\"SENSING\""), "invalid");
    }

    private static void assertReason(String json, String reason) {
        assertThatThrownBy(() -> EventCodec.decodeResponseEvent(json))
                .isInstanceOf(UnreadableEventException.class)
                .satisfies(e -> assertThat(((UnreadableEventException) e).reason()).as(json).isEqualTo(reason));
    }
}
