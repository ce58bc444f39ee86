package io.vocmonitor.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenancy and input safety across both public services: every endpoint refuses missing, foreign and
 * wrong-scope credentials and changes nothing; hostile text is stored and returned verbatim; no key is stored
 * in clear; comments and respondent references stay out of the logs.
 */
@ExtendWith(SharedPlatform.class)
class SecurityIT {

    private static final String INJECTION = "Robert'); DROP TABLE survey.api_key; --\" OR 1=1";
    private static final String ADMIN = "Bearer " + Platform.ADMIN_TOKEN;

    private static Platform platform;
    private static Api api;

    /** A request to one endpoint with the caller's credentials applied by {@code with}. */
    private record Endpoint(String name, String service, Function<RequestSpecification, Response> call, boolean ingest) {
    }

    @BeforeAll
    static void start(Platform shared) {
        platform = shared;
        api = new Api(platform);
    }

    @Test
    void everyEndpointRefusesMissingForeignAndWrongScopeCredentialsAndChangesNothing() throws Exception {
        Api.Org org = api.register("tenant");
        Api.Org other = api.register("intruder");
        String kept = UUID.randomUUID().toString();
        api.post(org, Map.of("responseId", kept, "instrument", "SERVICE_RECOVERY", "answers", Map.of("RESOLUTION", 1),
                "relationship", "BROKEN", "comment", "keep me"), 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "alerts").getList("alerts").size() == 1);
        String alertId = api.scores(org, "alerts").getString("alerts[0].id");
        Map<String, Object> summaryBefore = api.scores(org, "summary").getMap("$");

        String survey = platform.url("survey") + "/api/v1/organisations/" + org.id();
        String dashboard = platform.url("dashboard") + "/api/v1/organisations/" + org.id();
        String one = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 1}}";
        List<Endpoint> endpoints = List.of(
                new Endpoint("submit", "survey", r -> r.contentType(ContentType.JSON).body(one).post(survey + "/responses"), true),
                new Endpoint("batch", "survey", r -> r.contentType(ContentType.JSON).body("[" + one + "]")
                        .post(survey + "/responses/batch"), true),
                new Endpoint("import", "survey", r -> r.contentType("text/csv").body("instrument,VALUE\nSERVICEPROOF,1\n")
                        .post(survey + "/responses/import"), true),
                new Endpoint("retract", "survey", r -> r.delete(survey + "/responses/" + kept), true),
                new Endpoint("serviceproof", "dashboard", r -> r.get(dashboard + "/serviceproof"), false),
                new Endpoint("recovery", "dashboard", r -> r.get(dashboard + "/recovery"), false),
                new Endpoint("summary", "dashboard", r -> r.get(dashboard + "/summary"), false),
                new Endpoint("trends", "dashboard", r -> r.get(dashboard + "/trends?instrument=SERVICEPROOF&metric=overall"), false),
                new Endpoint("alerts", "dashboard", r -> r.get(dashboard + "/alerts"), false),
                new Endpoint("acknowledge", "dashboard", r -> r.post(dashboard + "/alerts/" + alertId + "/acknowledge"), false));

        for (Endpoint endpoint : endpoints) {
            String own = endpoint.ingest() ? org.ingestKey() : org.readKey();
            String wrongScope = endpoint.ingest() ? org.readKey() : org.ingestKey();
            String foreign = endpoint.ingest() ? other.ingestKey() : other.readKey();
            assertThat(endpoint.call().apply(given()).statusCode()).as(endpoint.name() + " without credentials").isEqualTo(401);
            assertThat(endpoint.call().apply(given().header("X-Api-Key", "voc_read_" + UUID.randomUUID())).statusCode())
                    .as(endpoint.name() + " with an unknown key").isEqualTo(401);
            assertThat(endpoint.call().apply(given().header("Authorization", "Bearer not-the-token")).statusCode())
                    .as(endpoint.name() + " with a wrong admin token").isEqualTo(401);
            assertThat(endpoint.call().apply(given().header("X-Api-Key", foreign)).statusCode())
                    .as(endpoint.name() + " with another organisation's key").isEqualTo(403);
            assertThat(endpoint.call().apply(given().header("X-Api-Key", wrongScope)).statusCode())
                    .as(endpoint.name() + " with the wrong scope").isEqualTo(403);
            if (!endpoint.ingest() && !endpoint.name().equals("acknowledge")) {
                // the refusals above are about the credentials: the organisation's own key gets through
                assertThat(endpoint.call().apply(given().header("X-Api-Key", own)).statusCode())
                        .as(endpoint.name() + " with the organisation's own key").isEqualTo(200);
            }
        }
        assertStreamRefused(dashboard + "/stream", null, 401);
        assertStreamRefused(dashboard + "/stream", other.readKey(), 403);
        assertStreamRefused(dashboard + "/stream", org.ingestKey(), 403);
        for (Function<RequestSpecification, Response> admin : List.<Function<RequestSpecification, Response>>of(
                r -> r.get(platform.url("survey") + "/api/v1/organisations"),
                r -> r.get(survey),
                r -> r.contentType(ContentType.JSON).body("{\"name\": \"Taken over\"}").patch(survey),
                r -> r.post(survey + "/deactivate"),
                r -> r.post(survey + "/activate"),
                r -> r.post(survey + "/keys/rotate"),
                r -> r.contentType(ContentType.JSON).body(Map.of("id", "x-" + UUID.randomUUID().toString().substring(0, 8),
                        "name", "X", "sector", "TRADE")).post(platform.url("survey") + "/api/v1/organisations"))) {
            assertThat(admin.apply(given()).statusCode()).isEqualTo(401);
            assertThat(admin.apply(given().header("X-Api-Key", org.ingestKey())).statusCode()).isEqualTo(403);
            assertThat(admin.apply(given().header("X-Api-Key", org.readKey())).statusCode()).isEqualTo(403);
        }

        // nothing of the refused requests took effect: a marker response is the only change
        api.post(org, Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 5)), 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 1);
        JsonPath after = api.scores(org, "summary");
        assertThat(after.getInt("recovery.responses")).isEqualTo(((Map<?, ?>) summaryBefore.get("recovery")).get("responses"));
        assertThat(api.scores(org, "alerts").getString("alerts[0].status")).isEqualTo("open");
        given().header("Authorization", ADMIN).when().get(survey).then().statusCode(200).body("name", equalTo("Org " + org.id()));
    }

    @Test
    void rotationAndDeactivationReachBothServices() {
        Api.Org org = api.register("lifecycle");
        String dashboard = platform.url("dashboard") + "/api/v1/organisations/" + org.id() + "/summary";
        String survey = platform.url("survey") + "/api/v1/organisations/" + org.id();

        JsonPath rotated = given().header("Authorization", ADMIN).when().post(survey + "/keys/rotate")
                .then().statusCode(200).extract().jsonPath();
        given().header("X-Api-Key", org.readKey()).when().get(dashboard).then().statusCode(401);
        given().header("X-Api-Key", rotated.getString("readKey")).when().get(dashboard).then().statusCode(200);
        api.post(new Api.Org(org.id(), org.ingestKey(), null), Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 3)), 401);

        given().header("Authorization", ADMIN).when().post(survey + "/deactivate").then().statusCode(200);
        given().header("X-Api-Key", rotated.getString("readKey")).when().get(dashboard).then().statusCode(401);
        given().header("X-Api-Key", rotated.getString("ingestKey")).contentType(ContentType.JSON)
                .body("{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 3}}")
                .when().post(survey + "/responses").then().statusCode(401);
        given().header("Authorization", ADMIN).when().get(dashboard).then().statusCode(200);
        given().header("Authorization", ADMIN).when().post(survey + "/activate").then().statusCode(200);
        given().header("X-Api-Key", rotated.getString("readKey")).when().get(dashboard).then().statusCode(200);
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatimAndNothingIsExecuted() throws Exception {
        JsonPath created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", "inject-" + UUID.randomUUID().toString().substring(0, 8), "name", INJECTION,
                        "sector", "TRADE", "pseudonymiseRespondentRefs", false))
                .when().post(platform.url("survey") + "/api/v1/organisations")
                .then().statusCode(201).extract().jsonPath();
        Api.Org org = new Api.Org(created.getString("id"), created.getString("ingestKey"), created.getString("readKey"));
        String touchpoint = "billing' OR '1'='1";
        String responseId = UUID.randomUUID().toString();
        api.post(org, Map.of("responseId", responseId, "instrument", "SERVICE_RECOVERY", "answers", Map.of("RESOLUTION", 1),
                "relationship", "BROKEN", "touchpoint", touchpoint, "respondentRef", INJECTION, "comment", INJECTION), 202);
        api.importCsv(org, "instrument,relationship,touchpoint,comment\nSERVICE_RECOVERY,WEAKENED,\"" + touchpoint.replace("\"", "\"\"")
                + "\",\"" + INJECTION.replace("\"", "\"\"") + "\"\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "alerts").getList("alerts").size() == 2);
        JsonPath alerts = api.scores(org, "alerts");
        assertThat(alerts.getList("alerts.comment")).containsOnly(INJECTION);
        assertThat(alerts.getList("alerts.touchpoint")).containsOnly(touchpoint);
        assertThat(given().header("X-Api-Key", org.readKey()).queryParam("touchpoint", touchpoint)
                .when().get(platform.url("dashboard") + "/api/v1/organisations/" + org.id() + "/recovery")
                .then().statusCode(200).extract().jsonPath().getInt("responses")).isEqualTo(2);
        given().header("Authorization", ADMIN).when().get(platform.url("survey") + "/api/v1/organisations/" + org.id())
                .then().statusCode(200).body("name", equalTo(INJECTION));
        try (Connection c = platform.superuserConnection();
             PreparedStatement s = c.prepareStatement("SELECT payload->>'respondentRef' FROM scoring.response WHERE response_id = ?::uuid")) {
            s.setString(1, responseId);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(INJECTION);
            }
            try (Statement s2 = c.createStatement(); ResultSet keys = s2.executeQuery("SELECT count(*) FROM survey.api_key")) {
                keys.next();
                assertThat(keys.getLong(1)).isGreaterThan(0);
            }
        }
    }

    @Test
    void noKeyIsStoredInClearAnywhere() throws Exception {
        Api.Org org = api.register("clear");
        JsonPath rotated = given().header("Authorization", ADMIN)
                .when().post(platform.url("survey") + "/api/v1/organisations/" + org.id() + "/keys/rotate")
                .then().statusCode(200).extract().jsonPath();
        List<String> keys = List.of(org.ingestKey(), org.readKey(), rotated.getString("ingestKey"), rotated.getString("readKey"),
                Platform.ADMIN_TOKEN);
        List<String> columns = new ArrayList<>();
        try (Connection c = platform.superuserConnection()) {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                    SELECT table_schema, table_name, column_name FROM information_schema.columns
                    WHERE table_schema IN ('survey', 'scoring', 'dashboard')
                      AND data_type IN ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rows.next()) {
                    columns.add(rows.getString(1) + "." + rows.getString(2) + "|" + rows.getString(3));
                }
            }
            assertThat(columns).contains("survey.api_key|key_hash", "scoring.response|payload", "dashboard.alert|comment");
            for (String column : columns) {
                String[] parts = column.split("\\|");
                for (String key : keys) {
                    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + parts[0]
                            + " WHERE strpos(" + parts[1] + "::text, ?) > 0")) {
                        s.setString(1, key);
                        try (ResultSet found = s.executeQuery()) {
                            found.next();
                            assertThat(found.getLong(1)).as(column + " holds a key in clear").isZero();
                        }
                    }
                }
            }
        }
    }

    @Test
    void commentsAndRespondentReferencesStayOutOfTheLogs() throws Exception {
        Api.Org org = api.register("quiet");
        String marker = "secret-comment-" + UUID.randomUUID();
        String reference = "customer-" + UUID.randomUUID();
        api.post(org, Map.of("instrument", "SERVICE_RECOVERY", "answers", Map.of("RESOLUTION", 1), "relationship", "BROKEN",
                "respondentRef", reference, "comment", marker), 202);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 9), "comment", marker))
                .when().post(platform.url("survey") + "/api/v1/organisations/" + org.id() + "/responses").then().statusCode(400);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "alerts").getList("alerts").size() == 1);

        for (String service : List.of("survey", "scoring", "dashboard")) {
            assertThat(platform.log(service)).as(service + " log").doesNotContain(marker).doesNotContain(reference);
        }
    }

    @Test
    void oversizedAndMalformedInputLeavesTheServicesReady() throws Exception {
        Api.Org org = api.register("garbage");
        String dashboard = platform.url("dashboard") + "/api/v1/organisations/" + org.id();
        given().header("X-Api-Key", org.readKey()).body(new byte[100_000])
                .when().post(dashboard + "/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(413);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0})
                .when().post(platform.url("survey") + "/api/v1/organisations/" + org.id() + "/responses").then().statusCode(400);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body("[" + "[".repeat(5000) + "]".repeat(5000) + "]")
                .when().post(platform.url("survey") + "/api/v1/organisations/" + org.id() + "/responses/batch").then().statusCode(400);
        given().header("X-Api-Key", org.readKey()).when().get(dashboard + "/trends?instrument=%00&metric=overall").then().statusCode(400);
        for (String service : List.of("survey", "scoring", "dashboard")) {
            given().when().get(platform.url(service) + "/q/health/ready").then().statusCode(200);
        }
    }

    private static void assertStreamRefused(String url, String key, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        HttpResponse<Void> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("stream with " + key).isEqualTo(status);
    }
}
