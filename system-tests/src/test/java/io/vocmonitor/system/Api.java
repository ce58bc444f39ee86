package io.vocmonitor.system;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.Map;
import java.util.UUID;

/** The platform's public API as the system tests use it: one place for paths and credentials. */
final class Api {

    /** A registered organisation and its keys. */
    record Org(String id, String ingestKey, String readKey) {
    }

    private final Platform platform;

    /** Also makes JSON numbers read as doubles, as the score comparisons expect. */
    Api(Platform platform) {
        this.platform = platform;
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    Org register(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("Authorization", "Bearer " + Platform.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Org " + id, "sector", "HEALTHCARE"))
                .when().post(platform.url("survey") + "/api/v1/organisations")
                .then().statusCode(201).extract().jsonPath();
        return new Org(id, created.getString("ingestKey"), created.getString("readKey"));
    }

    void post(Org org, Object body, int status) {
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(body)
                .when().post(platform.url("survey") + "/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(status);
    }

    JsonPath batch(Org org, Object items) {
        return given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(items)
                .when().post(platform.url("survey") + "/api/v1/organisations/{org}/responses/batch", org.id())
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath importCsv(Org org, String csv) {
        return given().header("X-Api-Key", org.ingestKey()).contentType("text/csv").body(csv)
                .when().post(platform.url("survey") + "/api/v1/organisations/{org}/responses/import", org.id())
                .then().statusCode(200).extract().jsonPath();
    }

    void retract(Org org, String responseId) {
        given().header("X-Api-Key", org.ingestKey())
                .when().delete(platform.url("survey") + "/api/v1/organisations/{org}/responses/{id}", org.id(), responseId)
                .then().statusCode(202);
    }

    JsonPath scores(Org org, String resource) {
        return given().header("X-Api-Key", org.readKey())
                .when().get(platform.url("dashboard") + "/api/v1/organisations/{org}/" + resource, org.id())
                .then().statusCode(200).extract().jsonPath();
    }

    String metrics(String service) {
        return given().when().get(platform.url(service) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a series over all its label values. */
    double metric(String service, String series) {
        return metrics(service).lines()
                .filter(line -> line.startsWith(series + " ") || line.startsWith(series + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
