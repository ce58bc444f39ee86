package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Questionnaire links: made, listed and revoked by the organisation; the token opens exactly its questionnaire. */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class QuestionnaireLinkTest {

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    private static JsonPath link(Organisations.Registered org, Map<String, Object> fields) {
        return given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(fields)
                .when().post("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aScanLinkOpensItsQuestionnaireAndSubmitsWithTheLinksUnitAndTheChosenRole() {
        Organisations.Registered org = Organisations.register("links");
        JsonPath created = link(org, Map.of("instrument", "SERVICE_EXCELLENCE_SCAN", "unit", " KCC ", "askRole", true,
                "language", "nl"));
        String token = created.getString("token");
        assertThat(created.getString("url")).endsWith("/r/" + token).startsWith("http://");
        assertThat(created.getString("expiresAt")).isNotNull();

        given().when().get("/r/{token}", token).then().statusCode(200).contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/form/form.js"));
        given().when().get("/api/v1/questionnaires/{token}", token).then().statusCode(200)
                .body("organisation.name", equalTo("Org " + org.id()))
                .body("instrument.id", equalTo("SERVICE_EXCELLENCE_SCAN"))
                .body("instrument.items[0].answers.word", hasItem("NA"))
                .body("unit", equalTo("KCC"))
                .body("askRole", equalTo(true))
                .body("language", equalTo("nl"));

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            UUID responseId = UUID.randomUUID();
            String body = "{\"responseId\": \"" + responseId + "\", \"role\": \"MANAGER\", \"answers\": "
                    + "{\"DESIGN_1\": \"SYSTEMATIC\", \"DESIGN_2\": \"NA\", \"LOYAL_CUSTOMERS_1\": \"TOP\"}}";
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/questionnaires/{token}/responses", token)
                    .then().statusCode(202).body("responseId", equalTo(responseId.toString()));
            ResponseSubmitted event = (ResponseSubmitted) decode(probe.poll(1, Duration.ofSeconds(10)).get(0).value());
            assertThat(event.organisationId()).isEqualTo(org.id());
            assertThat(event.instrument()).isEqualTo(Instrument.SERVICE_EXCELLENCE_SCAN);
            assertThat(event.unit()).isEqualTo("KCC");
            assertThat(event.role()).isEqualTo(ScanRole.MANAGER);
            assertThat(event.answers()).containsEntry("DESIGN_1", 3).containsEntry("LOYAL_CUSTOMERS_1", 5);
            assertThat(event.notApplicableItems()).containsExactly("DESIGN_2");
        }

        // what the link decides, the form may not; invalid answers are named as anywhere
        given().contentType(ContentType.JSON)
                .body("{\"instrument\": \"SERVICEPROOF\", \"unit\": \"Sales\", \"answers\": {\"DESIGN_1\": \"NO\"}}")
                .when().post("/api/v1/questionnaires/{token}/responses", token)
                .then().statusCode(400).body("errors.field", hasItem("instrument")).body("errors.field", hasItem("unit"));
        given().contentType(ContentType.JSON).body("{\"answers\": {\"DESIGN_1\": \"TOP\"}}")
                .when().post("/api/v1/questionnaires/{token}/responses", token)
                .then().statusCode(400).body("errors.field", hasItem("answers.DESIGN_1"));
    }

    @Test
    void aCustomerLinkSetsTheWebChannelAndItsTouchpointAndDoesNotAskARole() {
        Organisations.Registered org = Organisations.register("links-customers");
        String token = link(org, Map.of("instrument", "SERVICEPROOF", "touchpoint", "checkout")).getString("token");
        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            given().contentType(ContentType.JSON).body("{\"answers\": {\"VALUE\": 4}, \"recommend\": 9}")
                    .when().post("/api/v1/questionnaires/{token}/responses", token).then().statusCode(202);
            ResponseSubmitted event = (ResponseSubmitted) decode(probe.poll(1, Duration.ofSeconds(10)).get(0).value());
            assertThat(event.channel()).isEqualTo(Channel.WEB);
            assertThat(event.touchpoint()).isEqualTo("checkout");
            assertThat(event.recommend()).isEqualTo(9);
        }
        given().contentType(ContentType.JSON).body("{\"answers\": {\"VALUE\": 4}, \"role\": \"MANAGER\"}")
                .when().post("/api/v1/questionnaires/{token}/responses", token)
                .then().statusCode(400).body("errors.field", hasItem("role"));
    }

    @Test
    void badLinkRequestsNameTheirFieldsAndOnlyTheOrganisationsIngestKeyMakesLinks() {
        Organisations.Registered org = Organisations.register("links-bad");
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICEPROOF", "unit", "KCC", "askRole", true, "expiresAt", "2020-01-01T00:00:00Z",
                        "colour", "red"))
                .when().post("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICEPROOF", "unit", "KCC", "askRole", true, "expiresAt", "2020-01-01T00:00:00Z"))
                .when().post("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(400)
                .body("errors.field", hasItem("unit")).body("errors.field", hasItem("askRole"))
                .body("errors.field", hasItem("expiresAt"));
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(Map.of("instrument", "NPS"))
                .when().post("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(400).body("errors.field", hasItem("instrument"));
        given().header("X-Api-Key", org.readKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICEPROOF"))
                .when().post("/api/v1/organisations/{org}/links", org.id()).then().statusCode(403);
        Organisations.Registered other = Organisations.register("links-other");
        given().header("X-Api-Key", other.ingestKey()).when().get("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(403);
        given().when().get("/api/v1/organisations/{org}/links", org.id()).then().statusCode(401);
    }

    @Test
    void aRevokedOrExpiredLinkSaysSoAndTakesNoAnswersAnUnknownOneIsNotFound() throws Exception {
        Organisations.Registered org = Organisations.register("links-gone");
        JsonPath revoked = link(org, Map.of("instrument", "SERVICE_EXCELLENCE_SCAN"));
        JsonPath expired = link(org, Map.of("instrument", "SERVICE_EXCELLENCE_SCAN"));
        given().header("Authorization", Organisations.ADMIN)
                .when().delete("/api/v1/organisations/{org}/links/{id}", org.id(), revoked.getString("id"))
                .then().statusCode(200).body("state", equalTo("REVOKED"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_survey", "");
             PreparedStatement s = c.prepareStatement(
                     "UPDATE survey.questionnaire_link SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setString(1, expired.getString("id"));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        given().when().get("/api/v1/questionnaires/{token}", revoked.getString("token")).then().statusCode(410)
                .contentType("application/problem+json").body("detail", startsWith("this questionnaire link was withdrawn"))
                // the token is a secret: problems (and logs) name the path without it
                .body("instance", equalTo("/api/v1/questionnaires/{token}"));
        given().contentType(ContentType.JSON).body("{\"answers\": {\"DESIGN_1\": \"NO\"}}")
                .when().post("/api/v1/questionnaires/{token}/responses", expired.getString("token"))
                .then().statusCode(410).body("detail", startsWith("this questionnaire link expired"));
        given().when().get("/api/v1/questionnaires/{token}", "voc_form_" + UUID.randomUUID()).then().statusCode(404);
        // a deactivated organisation's links take no answers either
        Organisations.Registered paused = Organisations.register("links-paused");
        String pausedToken = link(paused, Map.of("instrument", "SERVICEPROOF")).getString("token");
        given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/deactivate", paused.id()).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"answers\": {\"VALUE\": 4}}")
                .when().post("/api/v1/questionnaires/{token}/responses", pausedToken)
                .then().statusCode(410).body("detail", containsString("takes no answers"));
        given().header("X-Api-Key", org.ingestKey()).when().get("/api/v1/organisations/{org}/links", org.id())
                .then().statusCode(200)
                .body("links.state", equalTo(List.of("EXPIRED", "REVOKED")))
                .body("links[0].token", equalTo(null));
        given().header("X-Api-Key", org.ingestKey())
                .when().delete("/api/v1/organisations/{org}/links/{id}", org.id(), "lnk_0000")
                .then().statusCode(404);
    }

    private static Object decode(String json) {
        try {
            return EventCodec.decodeResponseEvent(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
