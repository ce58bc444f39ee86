package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.Map;
import java.util.UUID;

/** Test helper: registers organisations through the admin API. */
final class Organisations {

    static final String ADMIN = "Bearer " + VocInfrastructure.ADMIN_TOKEN;

    /** A registered organisation and its keys. */
    record Registered(String id, String ingestKey, String readKey) {
    }

    private Organisations() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Registered register(String prefix) {
        String id = uniqueId(prefix);
        JsonPath created = given()
                .header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Org " + id, "sector", "SERVICES"))
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .extract().jsonPath();
        return new Registered(id, created.getString("ingestKey"), created.getString("readKey"));
    }
}
