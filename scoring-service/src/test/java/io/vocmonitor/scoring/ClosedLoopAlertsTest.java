package io.vocmonitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_scoring"))
class ClosedLoopAlertsTest {

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @Test
    void eachQualifyingResponseRaisesOneAlertEvenWhenRedelivered() {
        String org = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseSubmitted broken = recovery(org, RelationshipOutcome.BROKEN, null, "They never called back.");
        ResponseSubmitted weakened = recovery(org, RelationshipOutcome.WEAKENED, 8, null);
        ResponseSubmitted strengthened = recovery(org, RelationshipOutcome.STRENGTHENED, 10, "Great");
        ResponseSubmitted detractorWithComment = serviceProof(org, 3, "Too slow.");
        ResponseSubmitted detractorSilent = serviceProof(org, 2, null);
        ResponseSubmitted promoterWithComment = serviceProof(org, 9, "Lovely.");
        double before = ScoringListenerTest.metric("voc_alerts_emitted_total");

        try (TopicProbe alerts = new TopicProbe(kafka, Topics.ALERTS)) {
            for (ResponseSubmitted response : List.of(broken, weakened, strengthened, detractorWithComment,
                    detractorSilent, promoterWithComment, broken, detractorWithComment)) {
                TopicProbe.produce(kafka, Topics.RESPONSES, org, EventCodec.encode(response));
            }
            // a later marker alert: once it is there, everything before it has been handled
            ResponseSubmitted marker = recovery(org, RelationshipOutcome.BROKEN, null, "marker");
            TopicProbe.produce(kafka, Topics.RESPONSES, org, EventCodec.encode(marker));

            List<AlertEvent> events = awaitAlerts(alerts, org, marker.responseId());
            assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(AlertRaised.class));
            assertThat(events).extracting(AlertEvent::responseId).containsExactly(broken.responseId(),
                    weakened.responseId(), detractorWithComment.responseId(), marker.responseId());
            AlertRaised first = (AlertRaised) events.get(0);
            assertThat(first.kind()).isEqualTo(AlertKind.RELATIONSHIP_BROKEN);
            assertThat(first.alertId()).isEqualTo(AlertEvent.alertIdOf(broken.responseId()));
            assertThat(first.organisationId()).isEqualTo(org);
            assertThat(first.channel()).isEqualTo(Channel.PHONE);
            assertThat(first.touchpoint()).isEqualTo("claims");
            assertThat(first.comment()).isEqualTo("They never called back.");
            assertThat(first.answeredAt()).isEqualTo(broken.answeredAt());
            assertThat(((AlertRaised) events.get(1)).kind()).isEqualTo(AlertKind.RELATIONSHIP_WEAKENED);
            assertThat(((AlertRaised) events.get(2)).kind()).isEqualTo(AlertKind.DETRACTOR_COMMENT);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ScoringListenerTest.metric("voc_alerts_emitted_total") >= before + 4);
    }

    @Test
    void retractingAnAlertedResponseWithdrawsItsAlert() {
        String org = "withdraw-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseSubmitted broken = recovery(org, RelationshipOutcome.BROKEN, 0, "Cancelled my policy.");

        try (TopicProbe alerts = new TopicProbe(kafka, Topics.ALERTS)) {
            TopicProbe.produce(kafka, Topics.RESPONSES, org, EventCodec.encode(broken));
            TopicProbe.produce(kafka, Topics.RESPONSES, org,
                    EventCodec.encode(ResponseRetracted.of(broken.responseId(), org, Instant.now())));

            List<ConsumerRecordView> seen = await().atMost(Duration.ofSeconds(20))
                    .until(() -> views(alerts.poll(0, Duration.ofMillis(200)), org), list -> list.size() >= 2);
            assertThat(seen.get(0).event()).isInstanceOf(AlertRaised.class);
            assertThat(seen.get(1).event()).isInstanceOf(AlertWithdrawn.class);
            assertThat(seen.get(1).event().alertId()).isEqualTo(seen.get(0).event().alertId());
        }
    }

    /** An alert event as read from the topic, with its key. */
    private record ConsumerRecordView(String key, AlertEvent event) {
    }

    private static List<ConsumerRecordView> views(List<ConsumerRecord<String, String>> records,
            String org) {
        return records.stream().filter(r -> org.equals(r.key())).map(r -> {
            try {
                return new ConsumerRecordView(r.key(), EventCodec.decodeAlertEvent(r.value()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** The organisation's alert events, once the one of {@code lastResponse} is among them. */
    private static List<AlertEvent> awaitAlerts(TopicProbe probe, String org, UUID lastResponse) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> views(probe.poll(0, Duration.ofMillis(200)), org),
                        list -> list.stream().anyMatch(v -> v.event().responseId().equals(lastResponse)))
                .stream().map(ConsumerRecordView::event).toList();
    }

    private static ResponseSubmitted recovery(String org, RelationshipOutcome outcome, Integer recommend, String comment) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.now())
                .channel(Channel.PHONE)
                .touchpoint("claims")
                .answer("RESOLUTION", outcome == RelationshipOutcome.STRENGTHENED ? 5 : 1)
                .relationship(outcome)
                .recommend(recommend)
                .comment(comment)
                .build();
    }

    private static ResponseSubmitted serviceProof(String org, Integer recommend, String comment) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.now())
                .channel(Channel.WEB)
                .answer("VALUE", 2)
                .recommend(recommend)
                .comment(comment)
                .build();
    }
}
