package io.vocmonitor.system;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** The platform's public API as the system tests use it: one place for paths, credentials and how JSON is read. */
final class Api {

    /** A registered organisation and its keys. */
    record Org(String id, String ingestKey, String readKey) {
    }

    private static final String ADMIN = "Bearer " + Platform.ADMIN_TOKEN;

    /**
     * This API's own settings rather than RestAssured's global ones, so that no test depends on which class ran
     * first: JSON numbers read as doubles, as the score comparisons to 1e-9 need (a float is not that precise).
     */
    private static final RequestSpecification SETTINGS = new RequestSpecBuilder()
            .setConfig(RestAssuredConfig.config().jsonConfig(
                    JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
            .build();

    private final Platform platform;

    Api(Platform platform) {
        this.platform = platform;
    }

    /** Where every request of the system tests starts, instead of {@code RestAssured.given()}. */
    RequestSpecification given() {
        return RestAssured.given().spec(SETTINGS);
    }

    /** A request with an organisation's ingest or read key. */
    RequestSpecification withKey(String key) {
        return given().header("X-Api-Key", key);
    }

    /** A request with the platform administrator's token. */
    RequestSpecification asAdmin() {
        return given().header("Authorization", ADMIN);
    }

    /** The organisations' collection on the survey-service. */
    String organisations() {
        return platform.url("survey") + "/api/v1/organisations";
    }

    /** The organisation on the survey-service: its responses and its administration. */
    String survey(Org org) {
        return organisations() + "/" + org.id();
    }

    /** The organisation on the dashboard-service: its scores, alerts and stream. */
    String dashboard(Org org) {
        return platform.url("dashboard") + "/api/v1/organisations/" + org.id();
    }

    Org register(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return register(Map.of("id", id, "name", "Org " + id, "sector", "HEALTHCARE"));
    }

    /** Registers an organisation described by the given fields, as the administrator. */
    Org register(Map<String, Object> organisation) {
        JsonPath created = asAdmin().contentType(ContentType.JSON).body(organisation)
                .when().post(organisations())
                .then().statusCode(201).extract().jsonPath();
        return new Org(created.getString("id"), created.getString("ingestKey"), created.getString("readKey"));
    }

    /** The organisation with the new keys the administrator's rotation hands out. */
    Org rotateKeys(Org org) {
        JsonPath rotated = asAdmin().when().post(survey(org) + "/keys/rotate")
                .then().statusCode(200).extract().jsonPath();
        return new Org(org.id(), rotated.getString("ingestKey"), rotated.getString("readKey"));
    }

    /** Submits one response; the answer is returned for checks beyond the status. */
    ValidatableResponse post(Org org, Object body, int status) {
        return withKey(org.ingestKey()).contentType(ContentType.JSON).body(body)
                .when().post(survey(org) + "/responses")
                .then().statusCode(status);
    }

    JsonPath batch(Org org, Object items) {
        return withKey(org.ingestKey()).contentType(ContentType.JSON).body(items)
                .when().post(survey(org) + "/responses/batch")
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath importCsv(Org org, String csv) {
        return withKey(org.ingestKey()).contentType("text/csv").body(csv)
                .when().post(survey(org) + "/responses/import")
                .then().statusCode(200).extract().jsonPath();
    }

    void retract(Org org, String responseId) {
        withKey(org.ingestKey())
                .when().delete(survey(org) + "/responses/" + responseId)
                .then().statusCode(202);
    }

    /** A dashboard resource of the organisation, query included, read with its read key. */
    JsonPath scores(Org org, String resource) {
        return withKey(org.readKey())
                .when().get(dashboard(org) + "/" + resource)
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
