package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class OrganisationAdminTest {

    private static final String RESPONSE = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}";

    @Test
    void rotatingKeysRetiresTheOldOnesAtOnce() {
        Organisations.Registered org = Organisations.register("rotate");

        JsonPath rotated = given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/keys/rotate", org.id())
                .then().statusCode(200).extract().jsonPath();

        assertThat(rotated.getString("ingestKey")).startsWith("voc_ingest_").isNotEqualTo(org.ingestKey());
        assertThat(rotated.getString("readKey")).startsWith("voc_read_").isNotEqualTo(org.readKey());
        post(org.id(), org.ingestKey()).then().statusCode(401);
        post(org.id(), rotated.getString("ingestKey")).then().statusCode(202);

        String newRead = rotated.getString("readKey");
        JsonPath ingestOnly = given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/keys/rotate?scope=ingest", org.id())
                .then().statusCode(200).body("readKey", nullValue()).extract().jsonPath();
        post(org.id(), rotated.getString("ingestKey")).then().statusCode(401);
        post(org.id(), ingestOnly.getString("ingestKey")).then().statusCode(202);
        assertThat(ingestOnly.getString("ingestKey")).isNotEqualTo(newRead);

        given().header("X-Api-Key", ingestOnly.getString("ingestKey"))
                .when().post("/api/v1/organisations/{org}/keys/rotate", org.id()).then().statusCode(403);
        given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/keys/rotate?scope=all", org.id()).then().statusCode(400);
        given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/keys/rotate", "nobody").then().statusCode(404);
    }

    @Test
    void aDeactivatedOrganisationsKeysStopWorkingUntilItIsActivated() {
        Organisations.Registered org = Organisations.register("deactivate");

        given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/deactivate", org.id())
                .then().statusCode(200).body("active", equalTo(false)).body("deactivatedAt", notNullValue());

        post(org.id(), org.ingestKey()).then().statusCode(401);
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON).body(RESPONSE)
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(409);
        given().header("Authorization", Organisations.ADMIN)
                .when().get("/api/v1/organisations/{org}", org.id())
                .then().statusCode(200).body("active", equalTo(false));

        given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/activate", org.id())
                .then().statusCode(200).body("active", equalTo(true)).body("deactivatedAt", nullValue());
        post(org.id(), org.ingestKey()).then().statusCode(202);
    }

    @Test
    void theAdminListsAndChangesOrganisations() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Organisations.register("list").id());
        }

        List<String> listed = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = given().header("Authorization", Organisations.ADMIN)
                    .when().get("/api/v1/organisations?limit=2" + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("organisations.id"));
            after = page.getString("next");
        } while (after != null);
        assertThat(listed).containsAll(ids).isSorted().doesNotHaveDuplicates();

        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "sector", "EDUCATION", "pseudonymiseRespondentRefs", false))
                .when().patch("/api/v1/organisations/{org}", ids.get(0))
                .then().statusCode(200)
                .body("name", equalTo("Renamed")).body("sector", equalTo("EDUCATION"))
                .body("pseudonymiseRespondentRefs", equalTo(false));
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "other-id"))
                .when().patch("/api/v1/organisations/{org}", ids.get(0))
                .then().statusCode(400);
        given().header("Authorization", Organisations.ADMIN).when().get("/api/v1/organisations?limit=0")
                .then().statusCode(400);
        given().when().get("/api/v1/organisations").then().statusCode(401);
    }

    private static io.restassured.response.Response post(String org, String key) {
        return given().header("X-Api-Key", key).contentType(ContentType.JSON).body(RESPONSE)
                .when().post("/api/v1/organisations/{org}/responses", org);
    }
}
