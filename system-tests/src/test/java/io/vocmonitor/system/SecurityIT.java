package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenancy and input safety across both public services: every endpoint refuses missing, foreign and
 * wrong-scope credentials and changes nothing; hostile text is stored and returned verbatim; no key is stored
 * in clear; comments and respondent references stay out of the logs.
 */
@SystemTest
class SecurityIT {

    private static final String INJECTION = "Robert'); DROP TABLE survey.api_key; --\" OR 1=1";

    private Platform platform;
    private Api api;

    /**
     * One endpoint of the matrix: the request to it, given one that already carries the caller's credentials, and
     * whether the organisation's ingest key is its scope rather than the read key (neither for the admin endpoints).
     */
    private record Endpoint(String name, Function<RequestSpecification, Response> call, boolean ingest) {
    }

    /** One caller of the matrix: the credentials it adds to a request, and the status it must get. */
    private record Caller(String name, UnaryOperator<RequestSpecification> credentials, int status) {
    }

    /**
     * A test per endpoint and caller, so that a failure names its case; the requests that must be refused all run
     * against one organisation, and the last test checks that none of them took effect.
     */
    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesMissingForeignAndWrongScopeCredentialsAndChangesNothing() {
        Api.Org org = api.register("tenant");
        Api.Org other = api.register("intruder");
        String kept = UUID.randomUUID().toString();
        api.post(org, Map.of("responseId", kept, "instrument", "SERVICE_RECOVERY", "answers", Map.of("RESOLUTION", 1),
                "relationship", "BROKEN", "comment", "keep me"), 202);
        awaitAlerts(org, 1);
        String alertId = api.scores(org, "alerts").getString("alerts[0].id");
        Map<String, Object> summaryBefore = api.scores(org, "summary").getMap("$");

        String survey = api.survey(org);
        String dashboard = api.dashboard(org);
        String one = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 1}}";
        List<Endpoint> endpoints = List.of(
                new Endpoint("submit", r -> r.contentType(ContentType.JSON).body(one).post(survey + "/responses"), true),
                new Endpoint("batch", r -> r.contentType(ContentType.JSON).body("[" + one + "]")
                        .post(survey + "/responses/batch"), true),
                new Endpoint("import", r -> r.contentType("text/csv").body("instrument,VALUE\nSERVICEPROOF,1\n")
                        .post(survey + "/responses/import"), true),
                new Endpoint("retract", r -> r.delete(survey + "/responses/" + kept), true),
                new Endpoint("make a questionnaire link", r -> r.contentType(ContentType.JSON)
                        .body("{\"instrument\": \"SERVICE_EXCELLENCE_SCAN\"}").post(survey + "/links"), true),
                new Endpoint("list questionnaire links", r -> r.get(survey + "/links"), true),
                new Endpoint("revoke a questionnaire link", r -> r.delete(survey + "/links/lnk_0000"), true),
                new Endpoint("serviceproof", r -> r.get(dashboard + "/serviceproof"), false),
                new Endpoint("recovery", r -> r.get(dashboard + "/recovery"), false),
                new Endpoint("summary", r -> r.get(dashboard + "/summary"), false),
                new Endpoint("scan", r -> r.get(dashboard + "/scan"), false),
                new Endpoint("trends", r -> r.get(dashboard + "/trends?instrument=SERVICEPROOF&metric=overall"), false),
                new Endpoint("alerts", r -> r.get(dashboard + "/alerts"), false),
                new Endpoint("acknowledge", r -> r.post(dashboard + "/alerts/" + alertId + "/acknowledge"), false));
        List<Endpoint> adminEndpoints = List.of(
                new Endpoint("list organisations", r -> r.get(api.organisations()), false),
                new Endpoint("read the organisation", r -> r.get(survey), false),
                new Endpoint("rename the organisation", r -> r.contentType(ContentType.JSON)
                        .body("{\"name\": \"Taken over\"}").patch(survey), false),
                new Endpoint("deactivate", r -> r.post(survey + "/deactivate"), false),
                new Endpoint("activate", r -> r.post(survey + "/activate"), false),
                new Endpoint("rotate keys", r -> r.post(survey + "/keys/rotate"), false),
                new Endpoint("register an organisation", r -> r.contentType(ContentType.JSON)
                        .body(Map.of("id", "x-" + UUID.randomUUID().toString().substring(0, 8), "name", "X", "sector", "TRADE"))
                        .post(api.organisations()), false));
        List<Caller> notAdmins = List.of(
                new Caller("without credentials", r -> r, 401),
                new Caller("with the organisation's ingest key", r -> r.header("X-Api-Key", org.ingestKey()), 403),
                new Caller("with the organisation's read key", r -> r.header("X-Api-Key", org.readKey()), 403));

        return Stream.of(
                dynamicContainer("tenant endpoints", endpoints.stream()
                        .map(endpoint -> cases(endpoint, tenantCallers(endpoint, org, other)))),
                dynamicContainer("stream", Stream.of(
                        dynamicTest("stream without credentials → 401",
                                () -> assertStreamRefused(dashboard + "/stream", null, 401)),
                        dynamicTest("stream with another organisation's read key → 403",
                                () -> assertStreamRefused(dashboard + "/stream", other.readKey(), 403)),
                        dynamicTest("stream with the organisation's ingest key → 403",
                                () -> assertStreamRefused(dashboard + "/stream", org.ingestKey(), 403)))),
                dynamicContainer("admin endpoints", adminEndpoints.stream().map(endpoint -> cases(endpoint, notAdmins))),
                // last: the dynamic tests run in this order, so all refused requests have been sent
                dynamicTest("nothing of the refused requests took effect", () -> {
                    // a marker response is the only change
                    api.post(org, Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 5)), 202);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 1);
                    JsonPath after = api.scores(org, "summary");
                    assertThat(after.getInt("recovery.responses"))
                            .isEqualTo(((Map<?, ?>) summaryBefore.get("recovery")).get("responses"));
                    assertThat(api.scores(org, "alerts").getString("alerts[0].status")).isEqualTo("open");
                    api.asAdmin().when().get(survey).then().statusCode(200).body("name", equalTo("Org " + org.id()));
                    api.asAdmin().when().get(survey + "/links").then().statusCode(200).body("links", empty());
                }));
    }

    @Test
    void rotationAndDeactivationReachBothServices() {
        Api.Org org = api.register("lifecycle");
        String dashboard = api.dashboard(org) + "/summary";
        String survey = api.survey(org);

        Api.Org rotated = api.rotateKeys(org);
        api.withKey(org.readKey()).when().get(dashboard).then().statusCode(401);
        api.withKey(rotated.readKey()).when().get(dashboard).then().statusCode(200);
        // the ingest key from before the rotation
        api.post(org, Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 3)), 401);

        api.asAdmin().when().post(survey + "/deactivate").then().statusCode(200);
        api.withKey(rotated.readKey()).when().get(dashboard).then().statusCode(401);
        api.post(rotated, "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 3}}", 401);
        api.asAdmin().when().get(dashboard).then().statusCode(200);
        api.asAdmin().when().post(survey + "/activate").then().statusCode(200);
        api.withKey(rotated.readKey()).when().get(dashboard).then().statusCode(200);
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatimAndNothingIsExecuted() throws Exception {
        Api.Org org = api.register(Map.of("id", "inject-" + UUID.randomUUID().toString().substring(0, 8), "name", INJECTION,
                "sector", "TRADE", "pseudonymiseRespondentRefs", false));
        String touchpoint = "billing' OR '1'='1";
        String responseId = UUID.randomUUID().toString();
        api.post(org, Map.of("responseId", responseId, "instrument", "SERVICE_RECOVERY", "answers", Map.of("RESOLUTION", 1),
                "relationship", "BROKEN", "touchpoint", touchpoint, "respondentRef", INJECTION, "comment", INJECTION), 202);
        api.importCsv(org, "instrument,relationship,touchpoint,comment\nSERVICE_RECOVERY,WEAKENED,\"" + touchpoint.replace("\"", "\"\"")
                + "\",\"" + INJECTION.replace("\"", "\"\"") + "\"\n");

        awaitAlerts(org, 2);
        JsonPath alerts = api.scores(org, "alerts");
        assertThat(alerts.getList("alerts.comment")).containsOnly(INJECTION);
        assertThat(alerts.getList("alerts.touchpoint")).containsOnly(touchpoint);
        assertThat(api.withKey(org.readKey()).queryParam("touchpoint", touchpoint)
                .when().get(api.dashboard(org) + "/recovery")
                .then().statusCode(200).extract().jsonPath().getInt("responses")).isEqualTo(2);
        api.asAdmin().when().get(api.survey(org)).then().statusCode(200).body("name", equalTo(INJECTION));
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
        Api.Org rotated = api.rotateKeys(org);
        List<String> keys = List.of(org.ingestKey(), org.readKey(), rotated.ingestKey(), rotated.readKey(),
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
        api.post(org, Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 9), "comment", marker), 400);
        awaitAlerts(org, 1);

        for (String service : Platform.SERVICES) {
            assertThat(platform.log(service)).as(service + " log").doesNotContain(marker).doesNotContain(reference);
        }
    }

    @Test
    void oversizedAndMalformedInputLeavesTheServicesReady() throws Exception {
        Api.Org org = api.register("garbage");
        String dashboard = api.dashboard(org);
        api.withKey(org.readKey()).body(new byte[100_000])
                .when().post(dashboard + "/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(413);
        api.withKey(org.ingestKey()).contentType(ContentType.JSON).body(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0})
                .when().post(api.survey(org) + "/responses").then().statusCode(400);
        api.withKey(org.ingestKey()).contentType(ContentType.JSON).body("[" + "[".repeat(5000) + "]".repeat(5000) + "]")
                .when().post(api.survey(org) + "/responses/batch").then().statusCode(400);
        api.withKey(org.readKey()).when().get(dashboard + "/trends?instrument=%00&metric=overall").then().statusCode(400);
        for (String service : Platform.SERVICES) {
            api.given().when().get(platform.url(service) + "/q/health/ready").then().statusCode(200);
        }
    }

    /** One endpoint's cases: a test per caller, named for the endpoint, the credentials and the status due. */
    private DynamicContainer cases(Endpoint endpoint, List<Caller> callers) {
        return dynamicContainer(endpoint.name(), callers.stream().map(caller -> {
            String name = endpoint.name() + " " + caller.name();
            return dynamicTest(name + " → " + caller.status(), () -> assertThat(endpoint.call()
                    .apply(caller.credentials().apply(api.given())).statusCode()).as(name).isEqualTo(caller.status()));
        }));
    }

    /** Who may not use a tenant endpoint, and, for the readable ones, the organisation's own key that may. */
    private static List<Caller> tenantCallers(Endpoint endpoint, Api.Org org, Api.Org other) {
        String own = endpoint.ingest() ? org.ingestKey() : org.readKey();
        String wrongScope = endpoint.ingest() ? org.readKey() : org.ingestKey();
        String foreign = endpoint.ingest() ? other.ingestKey() : other.readKey();
        List<Caller> callers = new ArrayList<>(List.of(
                new Caller("without credentials", r -> r, 401),
                new Caller("with an unknown key", r -> r.header("X-Api-Key", "voc_read_" + UUID.randomUUID()), 401),
                new Caller("with a wrong admin token", r -> r.header("Authorization", "Bearer not-the-token"), 401),
                new Caller("with another organisation's key", r -> r.header("X-Api-Key", foreign), 403),
                new Caller("with the wrong scope", r -> r.header("X-Api-Key", wrongScope), 403)));
        if (!endpoint.ingest() && !endpoint.name().equals("acknowledge")) {
            // the refusals are about the credentials: the organisation's own key gets through
            callers.add(new Caller("with the organisation's own key", r -> r.header("X-Api-Key", own), 200));
        }
        return callers;
    }

    /** Waits until the organisation's inbox holds {@code count} alerts. */
    private void awaitAlerts(Api.Org org, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "alerts").getList("alerts").size() == count);
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
