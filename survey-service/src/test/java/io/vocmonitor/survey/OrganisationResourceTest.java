package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.testing.VocInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class OrganisationResourceTest {

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void registeringAnOrganisationIssuesTwoDistinctKeysStoredOnlyAsHashes() throws SQLException {
        String id = Organisations.uniqueId("acme");

        var created = given()
                .header("Authorization", Organisations.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Acme Insurance", "sector", "FINANCIALS"))
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("name", equalTo("Acme Insurance"))
                .body("sector", equalTo("FINANCIALS"))
                .body("ingestKey", startsWith("voc_ingest_"))
                .body("readKey", startsWith("voc_read_"))
                .extract().jsonPath();

        String ingestKey = created.getString("ingestKey");
        String readKey = created.getString("readKey");
        assertThat(ingestKey).isNotEqualTo(readKey).hasSizeGreaterThan(40);

        List<String> hashes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_survey", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT key_hash, scope FROM survey.api_key WHERE organisation_id = '" + id + "'")) {
            while (rows.next()) {
                hashes.add(rows.getString("scope") + ":" + rows.getString("key_hash"));
            }
        }
        assertThat(hashes).containsExactlyInAnyOrder(
                "INGEST:" + ApiKeys.hash(ingestKey), "READ:" + ApiKeys.hash(readKey));
        assertThat(String.join(",", hashes)).doesNotContain(ingestKey).doesNotContain(readKey);
    }

    @Test
    void aTakenIdIsAConflict() {
        Organisations.Registered existing = Organisations.register("taken");

        given()
                .header("Authorization", Organisations.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", existing.id(), "name", "Someone else", "sector", "TRADE"))
                .when().post("/api/v1/organisations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("the organisation id '" + existing.id() + "' is taken"));
    }

    @Test
    void onlyTheAdminRegistersOrganisations() {
        Organisations.Registered org = Organisations.register("keys");
        Map<String, String> body = Map.of("id", Organisations.uniqueId("x"), "name", "X", "sector", "TRADE");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong-token").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(401);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(403);
    }

    @Test
    void invalidRegistrationsNameTheirFields() {
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "Not Valid!", "name", "X", "sector", "SPACE", "colour", "red"))
                .when().post("/api/v1/organisations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("sector"))
                .body("errors.field", hasItem("colour"));
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body("{\"id\": \"ok-id\", \"sector\": \"TRADE\"}")
                .when().post("/api/v1/organisations")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void theCatalogueListsEveryItemOfEveryInstrument() {
        given().when().get("/api/v1/instruments")
                .then().statusCode(200)
                .body("instruments.id", equalTo(List.of("SERVICEPROOF", "SERVICE_RECOVERY", "SERVICE_EXCELLENCE_SCAN")))
                .body("instruments[0].items.id", equalTo(List.of("SENSING", "EMPATHY", "RESONANCE", "VALUE",
                        "INDIVIDUALIZE", "COMMITMENT", "ENGAGEMENT", "recommend", "effort", "satisfaction", "comment")))
                .body("instruments[0].items[0].statement.nl", startsWith("Ze voelden"))
                .body("instruments[1].items.id", hasItem("LEARNING"))
                .body("instruments[1].outcomes.id", equalTo(List.of("STRENGTHENED", "FLATTENED", "WEAKENED", "BROKEN")))
                .body("instruments[2].respondents", equalTo("STAFF"))
                .body("instruments[2].itemRequired", equalTo(true))
                .body("instruments[1].itemRequired", equalTo(false))
                .body("instruments[2].invitation.nl", startsWith("Hoe ver is onze organisatie"))
                .body("instruments[2].items.size()", equalTo(44))
                .body("instruments[2].items[0].id", equalTo("DESIGN_1"))
                .body("instruments[2].items[0].group", equalTo("DESIGN"))
                .body("instruments[2].items[0].answers.word", equalTo(List.of("NO", "STARTED", "SYSTEMATIC", "NA")))
                .body("instruments[2].items[0].answers.points", equalTo(Arrays.asList(0, 1, 3, null)))
                .body("instruments[2].items[43].answers.word",
                        equalTo(List.of("BELOW_AVERAGE", "AVERAGE", "ABOVE_AVERAGE", "TOP", "NA")))
                .body("instruments[2].groups.id", hasItem("REPUTATION_AND_FINANCE"))
                .body("instruments[2].groups[0].title.nl", startsWith("Ontwerpen"))
                .body("instruments[2].roles.id", equalTo(List.of("EMPLOYEE", "MANAGER", "EXECUTIVE")))
                .body("instruments[2].readingQuestions.size()", equalTo(6));
    }

    @Test
    void theCatalogueIsPublicWhateverCredentialsCome() {
        given().header("Authorization", "Bearer not-the-token").when().get("/api/v1/instruments")
                .then().statusCode(200).body("instruments.id", hasItem("SERVICEPROOF"));
        given().header("X-Api-Key", "voc_read_unknown").when().get("/api/v1/instruments").then().statusCode(200);
    }

    @Test
    void anAdminEndpointRefusesAnyoneElseBeforeReadingThePayload() {
        Organisations.Registered org = Organisations.register("not-admin");

        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("X-Api-Key", org.readKey()).contentType(ContentType.JSON).body("not json")
                .when().patch("/api/v1/organisations/{org}", org.id())
                .then().statusCode(403);
    }

    @Test
    void aPayloadOfTheWrongShapeIsAnInvalidInputNamingTheField() {
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", Organisations.uniqueId("flag"), "name", "Flag", "sector", "TRADE",
                        "pseudonymiseRespondentRefs", "yes"))
                .when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors.field", hasItem("pseudonymiseRespondentRefs"));
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", Organisations.uniqueId("ctl"), "name", "  Bell\u0007 ", "sector", "TRADE"))
                .when().post("/api/v1/organisations")
                .then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
