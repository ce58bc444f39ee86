package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.runtime.consumer.DeadLetterChannel;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class AlertResourceTest {

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @Test
    void alertsArriveOnceNewestFirstAndPageByCursor() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("inbox");
        List<AlertRaised> raised = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            AlertRaised alert = raise(org.id(), day % 2 == 0 ? RelationshipOutcome.BROKEN : RelationshipOutcome.WEAKENED,
                    Instant.parse("2026-11-0" + day + "T12:00:00Z"));
            raised.add(alert);
            send(org.id(), EventCodec.encode(alert));
        }
        send(org.id(), EventCodec.encode(raised.get(3)));
        send(org.id(), "not an alert");

        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(org, "limit=500").getList("alerts").size() == 7);

        JsonPath first = alerts(org, "limit=3");
        assertThat(first.getList("alerts.responseId")).containsExactly(raised.get(6).responseId().toString(),
                raised.get(5).responseId().toString(), raised.get(4).responseId().toString());
        assertThat(first.getString("alerts[0].kind")).isEqualTo("RELATIONSHIP_WEAKENED");
        assertThat(first.getString("alerts[0].status")).isEqualTo("open");
        assertThat(first.getString("alerts[0].channel")).isEqualTo("PHONE");
        assertThat(first.getString("alerts[0].comment")).isEqualTo("comment 7");
        assertThat(first.getString("alerts[0].answeredAt")).isEqualTo("2026-11-07T12:00:00Z");
        JsonPath second = alerts(org, "limit=3&cursor=" + first.getString("next"));
        assertThat(second.getList("alerts.responseId")).containsExactly(raised.get(3).responseId().toString(),
                raised.get(2).responseId().toString(), raised.get(1).responseId().toString());
        JsonPath last = alerts(org, "limit=3&cursor=" + second.getString("next"));
        assertThat(last.getList("alerts.responseId")).containsExactly(raised.get(0).responseId().toString());
        assertThat(last.getString("next")).isNull();
        assertThat(alerts(org, "kind=RELATIONSHIP_BROKEN").getList("alerts")).hasSize(3);
    }

    @Test
    void acknowledgingMovesAnAlertFromOpenToAcknowledged() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("ack");
        AlertRaised alert = raise(org.id(), RelationshipOutcome.BROKEN, Instant.parse("2026-11-10T08:00:00Z"));
        send(org.id(), EventCodec.encode(alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(org, "status=open").getList("alerts").size() == 1);

        given().header("X-Api-Key", org.readKey())
                .when().post("/api/v1/organisations/{org}/alerts/{id}/acknowledge", org.id(), alert.alertId())
                .then().statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedAt", notNullValue());
        given().header("X-Api-Key", org.readKey())
                .when().post("/api/v1/organisations/{org}/alerts/{id}/acknowledge", org.id(), alert.alertId())
                .then().statusCode(200);

        assertThat(alerts(org, "status=open").getList("alerts")).isEmpty();
        assertThat(alerts(org, "status=acknowledged").getList("alerts.id")).containsExactly(alert.alertId().toString());
    }

    @Test
    void aWithdrawnAlertLeavesTheInbox() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("withdrawn");
        AlertRaised gone = raise(org.id(), RelationshipOutcome.BROKEN, Instant.parse("2026-11-11T08:00:00Z"));
        AlertRaised kept = raise(org.id(), RelationshipOutcome.WEAKENED, Instant.parse("2026-11-12T08:00:00Z"));
        send(org.id(), EventCodec.encode(gone));
        send(org.id(), EventCodec.encode(AlertWithdrawn.of(gone.responseId(), org.id(), Instant.now())));
        send(org.id(), EventCodec.encode(kept));

        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(org, "").getList("alerts.id")
                .equals(List.of(kept.alertId().toString())));
    }

    @Test
    void theInboxIsTheOrganisationsOwn() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("mine");
        Fixtures.Keys other = fixtures.organisation("theirs");
        AlertRaised alert = raise(org.id(), RelationshipOutcome.BROKEN, Instant.parse("2026-11-13T08:00:00Z"));
        send(org.id(), EventCodec.encode(alert));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(org, "").getList("alerts").size() == 1);

        given().header("X-Api-Key", other.readKey()).when().get("/api/v1/organisations/{org}/alerts", org.id())
                .then().statusCode(403);
        given().when().get("/api/v1/organisations/{org}/alerts", org.id()).then().statusCode(401);
        given().header("X-Api-Key", other.readKey())
                .when().post("/api/v1/organisations/{org}/alerts/{id}/acknowledge", other.id(), alert.alertId())
                .then().statusCode(404);
        given().header("X-Api-Key", org.readKey())
                .when().post("/api/v1/organisations/{org}/alerts/{id}/acknowledge", org.id(), UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(alerts(org, "status=open").getList("alerts")).hasSize(1);
        assertThat(alerts(other, "").getList("alerts")).isEmpty();
    }

    @Test
    void badQueriesAreRefused() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("queries");
        for (String query : List.of("limit=0", "limit=501", "limit=ten", "kind=LATE", "status=closed", "cursor=%%%")) {
            given().header("X-Api-Key", org.readKey()).when().get("/api/v1/organisations/" + org.id() + "/alerts?" + query)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("X-Api-Key", org.readKey()).when().get("/api/v1/organisations/{org}/alerts", org.id())
                .then().statusCode(200).body("next", nullValue());
    }

    @Test
    void alertsThatCannotBeReadOrStoredAreParkedAndTheRestStored() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("poison");
        AlertRaised before = raise(org.id(), RelationshipOutcome.BROKEN, Instant.parse("2026-11-13T08:00:00Z"));
        AlertRaised after = raise(org.id(), RelationshipOutcome.WEAKENED, Instant.parse("2026-11-14T08:00:00Z"));
        // readable, but PostgreSQL stores no NUL in text: a failure that waiting does not cure
        AlertRaised unstorable = new AlertRaised(before.schemaVersion(), before.type(), UUID.randomUUID(), before.kind(),
                UUID.randomUUID(), org.id(), Channel.CHAT, null, "nul \u0000 inside", before.answeredAt(), Instant.now());

        try (TopicProbe dlq = new TopicProbe(kafka, Topics.ALERTS_DLQ)) {
            send(org.id(), EventCodec.encode(before));
            send(org.id(), "{\"not\": \"an alert\"}");
            send(org.id(), EventCodec.encode(unstorable));
            send(org.id(), EventCodec.encode(after));

            await().atMost(Duration.ofSeconds(20)).until(() -> alerts(org, "").getList("alerts").size() == 2);
            assertThat(alerts(org, "").getList("alerts.id"))
                    .containsExactly(after.alertId().toString(), before.alertId().toString());
            List<ConsumerRecord<String, String>> parked = dlq.poll(2, Duration.ofSeconds(20)).stream()
                    .filter(r -> org.id().equals(r.key())).toList();
            assertThat(parked).extracting(r -> header(r, DeadLetterChannel.REASON_HEADER))
                    .containsExactly("unsupported-schema-version", "unprocessable");
            assertThat(parked.get(1).value()).isEqualTo(EventCodec.encode(unstorable));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private JsonPath alerts(Fixtures.Keys org, String query) {
        return given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/alerts" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private void send(String key, String value) {
        TopicProbe.produce(kafka, Topics.ALERTS, key, value);
    }

    private static AlertRaised raise(String org, RelationshipOutcome outcome, Instant answeredAt) {
        ResponseSubmitted response = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(answeredAt)
                .receivedAt(answeredAt)
                .channel(Channel.PHONE)
                .relationship(outcome)
                .comment("comment " + answeredAt.toString().substring(9, 10))
                .build();
        return AlertRaised.of(outcome == RelationshipOutcome.BROKEN ? AlertKind.RELATIONSHIP_BROKEN
                : AlertKind.RELATIONSHIP_WEAKENED, response, Instant.now());
    }
}
