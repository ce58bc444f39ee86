package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class ResponseResourceTest {

    private static final String VALID = """
            {"instrument": "SERVICEPROOF", "answeredAt": "2026-11-20T10:15:00Z", "channel": "PHONE",
             "touchpoint": " billing ", "respondentRef": "c-88213",
             "answers": {"SENSING": 4, "EMPATHY": 5, "RESONANCE": null, "VALUE": 2},
             "recommend": 9, "effort": 6, "satisfaction": 4, "comment": "Quickly sorted out, thank you."}
            """;

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @Test
    void kafkasLz4CodecCompressesWithTheNativeLibrary() {
        // lz4-java is a parent-first artifact: inside Quarkus' class loader it would fall back to pure Java
        assertThat(LZ4Factory.fastestInstance().toString()).isEqualTo("LZ4Factory:JNI");
    }

    @Test
    void anAcceptedResponseIsOnTheTopicKeyedByOrganisation() {
        Organisations.Registered org = Organisations.register("ingest");
        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            Instant before = Instant.now();
            String responseId = given()
                    .header("X-Api-Key", org.ingestKey())
                    .contentType(ContentType.JSON)
                    .body(VALID)
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(202)
                    .body("responseId", notNullValue())
                    .extract().path("responseId");

            List<ConsumerRecord<String, String>> records = probe.poll(1, Duration.ofSeconds(10));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(org.id());
            ResponseSubmitted event = (ResponseSubmitted) decode(records.get(0).value());
            assertThat(event.responseId()).isEqualTo(UUID.fromString(responseId));
            assertThat(event.organisationId()).isEqualTo(org.id());
            assertThat(event.instrument()).isEqualTo(Instrument.SERVICEPROOF);
            assertThat(event.answeredAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
            assertThat(event.receivedAt()).isBetween(before.truncatedTo(ChronoUnit.MILLIS), Instant.now());
            assertThat(event.channel()).isEqualTo(Channel.PHONE);
            assertThat(event.touchpoint()).isEqualTo("billing");
            assertThat(event.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("SENSING", 4, "EMPATHY", 5, "VALUE", 2));
            assertThat(event.recommend()).isEqualTo(9);
            assertThat(event.effort()).isEqualTo(6);
            assertThat(event.satisfaction()).isEqualTo(4);
            assertThat(event.comment()).isEqualTo("Quickly sorted out, thank you.");
        }
    }

    @Test
    void defaultsAndAGivenResponseIdAreKept() {
        Organisations.Registered org = Organisations.register("defaults");
        UUID responseId = UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            Instant before = Instant.now();
            given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                    .body(Map.of("responseId", responseId.toString(), "instrument", "SERVICE_RECOVERY",
                            "answers", Map.of("RESOLUTION", 5), "relationship", "STRENGTHENED", "brandEffect", 4))
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(202)
                    .body("responseId", equalTo(responseId.toString()));

            ResponseSubmitted event = (ResponseSubmitted) decode(probe.poll(1, Duration.ofSeconds(10)).get(0).value());
            assertThat(event.responseId()).isEqualTo(responseId);
            assertThat(event.channel()).isEqualTo(Channel.OTHER);
            assertThat(event.answeredAt()).isEqualTo(event.receivedAt()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
            assertThat(event.relationship()).isEqualTo(RelationshipOutcome.STRENGTHENED);
            assertThat(event.brandEffect()).isEqualTo(4);
        }
    }

    static Stream<Arguments> invalidResponses() {
        String future = Instant.now().plus(Duration.ofMinutes(30)).toString();
        return Stream.of(
                Arguments.of("instrument", "{\"answers\": {\"SENSING\": 4}}"),
                Arguments.of("instrument", "{\"instrument\": \"NPS_ONLY\", \"answers\": {\"SENSING\": 4}}"),
                Arguments.of("instrument", "{\"instrument\": 7, \"answers\": {\"SENSING\": 4}}"),
                Arguments.of("answers", "{\"instrument\": \"SERVICEPROOF\"}"),
                Arguments.of("answers", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": null}}"),
                Arguments.of("answers", "{\"instrument\": \"SERVICEPROOF\", \"answers\": [4, 5]}"),
                Arguments.of("answers.SENSING", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": 6}}"),
                Arguments.of("answers.SENSING", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": 0}}"),
                Arguments.of("answers.SENSING", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": \"4\"}}"),
                Arguments.of("answers.SENSING", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": 4.5}}"),
                Arguments.of("answers.RESOLUTION", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"RESOLUTION\": 4}}"),
                Arguments.of("answers.sensing", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"sensing\": 4}}"),
                Arguments.of("relationship", "{\"instrument\": \"SERVICE_RECOVERY\", \"answers\": {\"RESOLUTION\": 4}}"),
                Arguments.of("relationship", "{\"instrument\": \"SERVICE_RECOVERY\", \"relationship\": \"IMPROVED\"}"),
                Arguments.of("relationship", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"relationship\": \"BROKEN\"}"),
                Arguments.of("brandEffect", "{\"instrument\": \"SERVICE_RECOVERY\", \"relationship\": \"BROKEN\", \"brandEffect\": 9}"),
                Arguments.of("recommend", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"recommend\": 11}"),
                Arguments.of("recommend", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"recommend\": -1}"),
                Arguments.of("effort", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"effort\": 0}"),
                Arguments.of("effort", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"effort\": 8}"),
                Arguments.of("satisfaction", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"satisfaction\": 6}"),
                Arguments.of("satisfaction", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"satisfaction\": true}"),
                Arguments.of("channel", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"channel\": \"FAX\"}"),
                Arguments.of("answeredAt", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"answeredAt\": \"" + future + "\"}"),
                Arguments.of("answeredAt", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"answeredAt\": \"yesterday\"}"),
                Arguments.of("answeredAt", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"answeredAt\": \"2026-11-20T10:15:00\"}"),
                Arguments.of("responseId", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"responseId\": \"abc\"}"),
                Arguments.of("comment", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": \"" + "x".repeat(4001) + "\"}"),
                Arguments.of("comment", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": 42}"),
                Arguments.of("touchpoint", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"touchpoint\": \"" + "t".repeat(101) + "\"}"),
                Arguments.of("touchpoint", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"touchpoint\": \"bill\\u0000ing\"}"),
                Arguments.of("respondentRef", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"respondentRef\": \"" + "r".repeat(201) + "\"}"),
                Arguments.of("recomend", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"recomend\": 9}"),
                // the Service Excellence Scan: words, its own items, no customer fields, something other than NA
                Arguments.of("answers.DESIGN_9", scan("\"DESIGN_9\": \"NO\"")),
                Arguments.of("answers.DESIGN_1", scan("\"DESIGN_1\": \"TOP\"")),
                Arguments.of("answers.LOYAL_CUSTOMERS_1", scan("\"LOYAL_CUSTOMERS_1\": \"SYSTEMATIC\"")),
                Arguments.of("answers.DESIGN_1", scan("\"DESIGN_1\": 3")),
                Arguments.of("answers.DESIGN_1", scan("\"DESIGN_1\": \"systematic\"")),
                Arguments.of("answers.SENSING", scan("\"SENSING\": 4")),
                Arguments.of("answers", scan("\"DESIGN_1\": \"NA\"")),
                Arguments.of("recommend", scan("\"DESIGN_1\": \"NO\"").replace("}}", "}, \"recommend\": 9}")),
                Arguments.of("channel", scan("\"DESIGN_1\": \"NO\"").replace("}}", "}, \"channel\": \"PHONE\"}")),
                Arguments.of("touchpoint", scan("\"DESIGN_1\": \"NO\"").replace("}}", "}, \"touchpoint\": \"kcc\"}")),
                Arguments.of("role", scan("\"DESIGN_1\": \"NO\"").replace("}}", "}, \"role\": \"INTERN\"}")),
                Arguments.of("role", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"role\": \"MANAGER\"}"),
                Arguments.of("unit", "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"unit\": \"kcc\"}"),
                Arguments.of("unit", scan("\"DESIGN_1\": \"NO\"").replace("}}", "}, \"unit\": \"" + "u".repeat(101) + "\"}")),
                Arguments.of("body", "{\"instrument\": \"SERVICEPROOF\", "),
                Arguments.of("body", "[{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}]"),
                Arguments.of("body", "{\"instrument\": \"SERVICEPROOF\", \"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}"),
                Arguments.of("body", ""));
    }

    /** A scan response with these answers. */
    private static String scan(String answers) {
        return "{\"instrument\": \"SERVICE_EXCELLENCE_SCAN\", \"answers\": {" + answers + "}}";
    }

    @Test
    void aScanIsPublishedWithItsWordsAsPointsItsNotApplicableStatementsRoleAndUnit() {
        Organisations.Registered org = Organisations.register("scan");
        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                    .body("""
                            {"instrument": "SERVICE_EXCELLENCE_SCAN", "role": "MANAGER", "unit": " Contact  Centre ",
                             "answers": {"DESIGN_1": "SYSTEMATIC", "DESIGN_2": "STARTED", "DESIGN_3": "NO",
                                         "CULTURE_2": "NA", "LOYAL_CUSTOMERS_1": "TOP", "REPUTATION_AND_FINANCE_4": null}}
                            """)
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(202);

            ResponseSubmitted event = (ResponseSubmitted) decode(probe.poll(1, Duration.ofSeconds(10)).get(0).value());
            assertThat(event.instrument()).isEqualTo(Instrument.SERVICE_EXCELLENCE_SCAN);
            assertThat(event.answers()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("DESIGN_1", 3, "DESIGN_2", 1, "DESIGN_3", 0, "LOYAL_CUSTOMERS_1", 5));
            assertThat(event.notApplicableItems()).containsExactly("CULTURE_2");
            assertThat(event.role()).isEqualTo(ScanRole.MANAGER);
            assertThat(event.unit()).isEqualTo("Contact  Centre");
            assertThat(event.channel()).isEqualTo(Channel.OTHER);
            assertThat(event.touchpoint()).isNull();
        }
    }

    @Test
    void aWordOfTheOtherScaleIsNamedAsSuch() {
        Organisations.Registered org = Organisations.register("scan-words");
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body(scan("\"DESIGN_1\": \"TOP\", \"LOYAL_CUSTOMERS_1\": \"NA\""))
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(400)
                .body("detail", containsString("answers.DESIGN_1: 'TOP' answers result-area statements; "
                        + "building-block statements are answered NO, STARTED, SYSTEMATIC or NA"));
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body(scan("\"DESIGN_1\": \"NA\", \"LOYAL_CUSTOMERS_1\": \"NA\""))
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(400)
                .body("detail", containsString("answers: at least one statement must be answered other than NA"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidResponses")
    void anInvalidResponseIsRefusedNamingItsFieldAndNothingIsPublished(String field, String body) {
        Organisations.Registered org = Organisations.register("invalid");
        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem(field))
                    .body("detail", containsString(field));

            // a valid response of the same organisation goes to the same partition, after anything published before
            String accepted = given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(VALID)
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(202).extract().path("responseId");
            List<ConsumerRecord<String, String>> records = probe.poll(1, Duration.ofSeconds(10));
            assertThat(records).extracting(r -> decode(r.value()).responseId()).containsExactly(UUID.fromString(accepted));
        }
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        Organisations.Registered org = Organisations.register("nested");
        String nested = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": "
                + "[".repeat(100) + "]".repeat(100) + "}";

        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(nested)
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(400)
                .body("detail", containsString("nested"));
    }

    @Test
    void credentialsDecideAccess() {
        Organisations.Registered org = Organisations.register("own");
        Organisations.Registered other = Organisations.register("other");
        String path = "/api/v1/organisations/{org}/responses";

        given().contentType(ContentType.JSON).body(VALID).when().post(path, org.id())
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", "voc_ingest_not-a-real-key").contentType(ContentType.JSON).body(VALID)
                .when().post(path, org.id()).then().statusCode(401);
        given().header("X-Api-Key", org.readKey()).contentType(ContentType.JSON).body(VALID)
                .when().post(path, org.id()).then().statusCode(403);
        given().header("X-Api-Key", other.ingestKey()).contentType(ContentType.JSON).body(VALID)
                .when().post(path, org.id()).then().statusCode(403);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(VALID)
                .when().post(path, "no-such-org").then().statusCode(403);
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON).body(VALID)
                .when().post(path, "no-such-org").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON).body(VALID)
                .when().post(path, org.id()).then().statusCode(202);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Organisations.Registered org = Organisations.register("media");

        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void acceptedAndRejectedResponsesAreCounted() {
        Organisations.Registered org = Organisations.register("metrics");
        double acceptedBefore = metric("voc_responses_accepted_total{instrument=\"SERVICEPROOF\"}");
        double rejectedBefore = metric("voc_responses_rejected_total{reason=\"validation\"}");

        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(VALID)
                .when().post("/api/v1/organisations/{org}/responses", org.id()).then().statusCode(202);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/organisations/{org}/responses", org.id()).then().statusCode(400);

        assertThat(metric("voc_responses_accepted_total{instrument=\"SERVICEPROOF\"}")).isEqualTo(acceptedBefore + 1);
        assertThat(metric("voc_responses_rejected_total{reason=\"validation\"}")).isEqualTo(rejectedBefore + 1);
        assertThat(metric("voc_responses_rejected_total{reason=\"broker_unavailable\"}")).isNotNull();
    }

    static Double metric(String series) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> Double.valueOf(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(null);
    }

    private static io.vocmonitor.events.ResponseEvent decode(String json) {
        try {
            return EventCodec.decodeResponseEvent(json);
        } catch (Exception e) {
            throw new AssertionError("not a response event: " + json, e);
        }
    }
}
