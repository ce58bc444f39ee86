package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class BulkIngestTest {

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @Test
    void aBatchPublishesItsValidItemsAndReportsEachOne() {
        Organisations.Registered org = Organisations.register("batch");
        String givenId = UUID.randomUUID().toString();
        String batch = "[{\"responseId\": \"" + givenId + "\", \"instrument\": \"SERVICE_RECOVERY\", "
                + "\"answers\": {\"RESOLUTION\": 5}, \"relationship\": \"STRENGTHENED\"},"
                + "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": 9}},"
                + "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"channel\": \"WEB\"},"
                + "\"not an object\"]";

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            JsonPath result = given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(batch)
                    .when().post("/api/v1/organisations/{org}/responses/batch", org.id())
                    .then().statusCode(200)
                    .body("accepted", equalTo(2))
                    .body("rejected", equalTo(2))
                    .extract().jsonPath();

            assertThat(result.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3);
            assertThat(result.getList("results.status", Integer.class)).containsExactly(202, 400, 202, 400);
            assertThat(result.getString("results[0].responseId")).isEqualTo(givenId);
            assertThat(result.getList("results[1].problem.errors.field")).containsExactly("answers.SENSING");
            assertThat(result.getString("results[3].problem.detail")).contains("JSON object");
            List<UUID> published = decoded(probe.poll(2, Duration.ofSeconds(10))).stream().map(ResponseEvent::responseId).toList();
            assertThat(published).containsExactlyInAnyOrder(UUID.fromString(givenId),
                    UUID.fromString(result.getString("results[2].responseId")));
        }
    }

    @Test
    void batchesThatAreNotArraysOfOneToAThousandAreRefused() {
        Organisations.Registered org = Organisations.register("batch-shape");
        String item = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}";
        for (String body : List.of("[]", item, "[" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]")) {
            given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/organisations/{org}/responses/batch", org.id())
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("X-Api-Key", org.readKey()).contentType(ContentType.JSON).body("[" + item + "]")
                .when().post("/api/v1/organisations/{org}/responses/batch", org.id())
                .then().statusCode(403);
    }

    @Test
    void aCsvImportValidatesEveryRowAndNamesItsLine() {
        Organisations.Registered org = Organisations.register("csv");
        String csv = "responseId,instrument,answeredAt,channel,touchpoint,RESOLUTION,RELIANCE,SENSING,relationship,recommend,comment\r\n"
                + "6f1c1b3e-8d7a-4d0e-9a63-0f2d7b1e5a01,SERVICE_RECOVERY,2026-11-20T10:15:00Z,PHONE,claims,5,4,,STRENGTHENED,9,\"Fine, \"\"really\"\"\nthanks\"\r\n"
                + ",SERVICEPROOF,2026-11-20T11:00:00Z,WEB,,,,4,,x,\r\n"
                + ",SERVICE_RECOVERY,,CHAT,,2,,,BROKEN,3,Awful\r\n"
                + ",SERVICEPROOF,too,few\r\n"
                + "\r\n";

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            JsonPath result = given().header("X-Api-Key", org.ingestKey()).contentType("text/csv")
                    .body(csv.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/organisations/{org}/responses/import", org.id())
                    .then().statusCode(200)
                    .body("accepted", equalTo(2))
                    .body("rejected", equalTo(2))
                    .extract().jsonPath();

            assertThat(result.getList("results.line", Integer.class)).containsExactly(2, 4, 5, 6);
            assertThat(result.getList("results.status", Integer.class)).containsExactly(202, 400, 202, 400);
            assertThat(result.getList("results[1].problem.errors.field")).containsExactly("recommend");
            assertThat(result.getString("results[3].problem.detail")).contains("4 fields where the header has 11");
            List<ResponseSubmitted> published = decoded(probe.poll(2, Duration.ofSeconds(10))).stream()
                    .map(ResponseSubmitted.class::cast).toList();
            assertThat(published).hasSize(2);
            ResponseSubmitted first = published.stream()
                    .filter(r -> r.responseId().toString().equals("6f1c1b3e-8d7a-4d0e-9a63-0f2d7b1e5a01")).findFirst().orElseThrow();
            assertThat(first.comment()).isEqualTo("Fine, \"really\"\nthanks");
            assertThat(first.answers()).containsEntry("RESOLUTION", 5).containsEntry("RELIANCE", 4).doesNotContainKey("SENSING");
            assertThat(first.touchpoint()).isEqualTo("claims");
        }
    }

    @Test
    void aScanCsvHasAColumnPerStatementIdWithAnswerWords() {
        Organisations.Registered org = Organisations.register("csv-scan");
        String csv = "instrument,role,unit,DESIGN_1,DESIGN_2,CULTURE_2,LOYAL_CUSTOMERS_1\n"
                + "SERVICE_EXCELLENCE_SCAN,EMPLOYEE,KCC, SYSTEMATIC ,NA,,TOP\n"
                + "SERVICE_EXCELLENCE_SCAN,MANAGER,MarCom,TOP,NO,STARTED,AVERAGE\n"
                + "SERVICE_EXCELLENCE_SCAN,,,NA,NA,NA,NA\n";

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            JsonPath result = given().header("X-Api-Key", org.ingestKey()).contentType("text/csv")
                    .body(csv.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/organisations/{org}/responses/import", org.id())
                    .then().statusCode(200)
                    .body("accepted", equalTo(1))
                    .body("rejected", equalTo(2))
                    .extract().jsonPath();

            assertThat(result.getList("results.status", Integer.class)).containsExactly(202, 400, 400);
            assertThat(result.getList("results[1].problem.errors.field")).containsExactly("answers.DESIGN_1");
            assertThat(result.getList("results[2].problem.errors.field")).containsExactly("answers");
            List<ResponseSubmitted> published = decoded(probe.poll(1, Duration.ofSeconds(10))).stream()
                    .map(ResponseSubmitted.class::cast).toList();
            assertThat(published).hasSize(1);
            assertThat(published.get(0).answers()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("DESIGN_1", 3, "LOYAL_CUSTOMERS_1", 5));
            assertThat(published.get(0).notApplicableItems()).containsExactly("DESIGN_2");
            assertThat(published.get(0).unit()).isEqualTo("KCC");
        }
    }

    @Test
    void aCsvFileThatCannotBeReadIsRefusedWhole() {
        Organisations.Registered org = Organisations.register("csv-bad");
        String path = "/api/v1/organisations/{org}/responses/import";

        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body("instrument,colour\nSERVICEPROOF,red\n")
                .when().post(path, org.id())
                .then().statusCode(400).body("detail", containsString("unknown column 'colour'"));
        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body("SENSING\n4\n")
                .when().post(path, org.id())
                .then().statusCode(400).body("detail", containsString("'instrument' is required"));
        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv")
                .body(new byte[] {'i', 'n', 's', 't', 'r', 'u', 'm', 'e', 'n', 't', '\n', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post(path, org.id())
                .then().statusCode(400).body("detail", containsString("UTF-8"));
        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body("instrument,comment\nSERVICEPROOF,\"open\n")
                .when().post(path, org.id())
                .then().statusCode(400).body("errors.field", hasItem("line 2"));
        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body("instrument\n")
                .when().post(path, org.id())
                .then().statusCode(400);
        StringBuilder big = new StringBuilder("instrument,VALUE\n");
        for (int i = 0; i < 1001; i++) {
            big.append("SERVICEPROOF,4\n");
        }
        given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body(big.toString())
                .when().post(path, org.id())
                .then().statusCode(400).body("detail", containsString("at most 1000"));
    }

    @Test
    void aRetractionIsPublishedForTheOrganisation() throws Exception {
        Organisations.Registered org = Organisations.register("retract");
        Organisations.Registered other = Organisations.register("retract-other");
        UUID responseId = UUID.randomUUID();

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            given().header("X-Api-Key", org.ingestKey())
                    .when().delete("/api/v1/organisations/{org}/responses/{id}", org.id(), responseId)
                    .then().statusCode(202)
                    .body("responseId", equalTo(responseId.toString()));

            List<ConsumerRecord<String, String>> records = probe.poll(1, Duration.ofSeconds(10));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(org.id());
            ResponseRetracted retraction = (ResponseRetracted) EventCodec.decodeResponseEvent(records.get(0).value());
            assertThat(retraction.responseId()).isEqualTo(responseId);
            assertThat(retraction.organisationId()).isEqualTo(org.id());
        }
        given().header("X-Api-Key", org.ingestKey())
                .when().delete("/api/v1/organisations/{org}/responses/{id}", org.id(), "not-a-uuid")
                .then().statusCode(400);
        given().header("X-Api-Key", other.ingestKey())
                .when().delete("/api/v1/organisations/{org}/responses/{id}", org.id(), responseId)
                .then().statusCode(403);
        given().when().delete("/api/v1/organisations/{org}/responses/{id}", org.id(), responseId)
                .then().statusCode(401);
    }

    private static List<ResponseEvent> decoded(List<ConsumerRecord<String, String>> records) {
        List<ResponseEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventCodec.decodeResponseEvent(record.value()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }
}
