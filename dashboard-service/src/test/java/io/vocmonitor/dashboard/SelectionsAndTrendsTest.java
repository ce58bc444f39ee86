package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.testing.VocInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class SelectionsAndTrendsTest {

    private static final double EPS = 1e-9;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @BeforeAll
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void aSelectionSumsExactlyItsBucketsAndSaysWhatItIs() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("select");
        // day 19 (last second): 5 × PHONE/billing VALUE 5; day 20 (first second): 5 × EMAIL/billing VALUE 1;
        // day 20: 5 × PHONE/delivery VALUE 3; day 21: 2 × CHAT VALUE 4
        for (int i = 0; i < 5; i++) {
            fixtures.bucket(response(org.id(), "2026-11-19T23:59:59Z", Channel.PHONE, "Billing", 5));
            fixtures.bucket(response(org.id(), "2026-11-20T00:00:00Z", Channel.EMAIL, "billing", 1));
            fixtures.bucket(response(org.id(), "2026-11-20T12:00:00Z", Channel.PHONE, "delivery", 3));
        }
        fixtures.bucket(response(org.id(), "2026-11-21T08:00:00Z", Channel.CHAT, null, 4),
                response(org.id(), "2026-11-21T09:00:00Z", Channel.CHAT, null, 4));

        assertValue(org, "", 17, (5 * 2 + 5 * -2 + 5 * 0 + 2 * 1) / 17.0);
        assertValue(org, "from=2026-11-20&to=2026-11-20", 10, -1.0);
        assertValue(org, "to=2026-11-19", 5, 2.0);
        assertValue(org, "from=2026-11-20", 12, (-10 + 2) / 12.0);
        assertValue(org, "channel=PHONE", 10, 1.0);
        assertValue(org, "channel=PHONE&channel=EMAIL", 15, 0.0);
        assertValue(org, "channel=phone,email", 15, 0.0);
        assertValue(org, "touchpoint=BILLING", 10, 0.0);
        assertValue(org, "touchpoint=billing&channel=EMAIL&from=2026-11-01&to=2026-11-30", 5, -2.0);
        assertValue(org, "touchpoint=returns", 0, null);

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof?from=2026-11-20&channel=EMAIL&channel=PHONE&touchpoint=Billing")
                .then().statusCode(200)
                .body("selection.from", equalTo("2026-11-20"))
                .body("selection.to", nullValue())
                .body("selection.channels", equalTo(List.of("PHONE", "EMAIL")))
                .body("selection.touchpoint", equalTo("billing"));
    }

    @Test
    void theMinimumSampleIsCheckedAfterEveryFilter() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("sample");
        for (int i = 0; i < 7; i++) {
            fixtures.bucket(response(org.id(), "2026-11-20T10:00:00Z", i < 2 ? Channel.CHAT : Channel.WEB, null, 4));
        }

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof?channel=CHAT")
                .then().statusCode(200)
                .body("responses", equalTo(2)).body("sufficient", equalTo(false))
                .body("aspects.VALUE.n", equalTo(2)).body("aspects.VALUE.mean", nullValue())
                .body("overall", nullValue());
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/summary?channel=CHAT")
                .then().statusCode(200)
                .body("serviceproof.responses", equalTo(2)).body("serviceproof.overall", nullValue())
                .body("selection.channels", equalTo(List.of("CHAT")));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof?channel=WEB")
                .then().statusCode(200).body("sufficient", equalTo(true));
    }

    @Test
    void badSelectionsAreRefused() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("bad-select");
        for (String query : List.of("from=20-11-2026", "to=tomorrow", "from=2026-11-21&to=2026-11-20", "channel=FAX",
                "channel=PHONE,FAX")) {
            for (String resource : List.of("serviceproof", "recovery", "summary")) {
                given().header("X-Api-Key", org.readKey())
                        .when().get("/api/v1/organisations/" + org.id() + "/" + resource + "?" + query)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("detail", containsString(query.startsWith("channel") ? "channel" : query.substring(0, 2)));
            }
        }
    }

    @Test
    void aPeriodComparesWithThePeriodBeforeItByWelchsInterval() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("compare");
        // 11..20 November: VALUE scores 2, 1, 1, −1, 2 (mean 1, s² 1.5); 1..10 November: 0, 0, −1, 1, 0, 0 (mean 0,
        // s² 0.4); difference 1 ± t(0.975, 5.748) · 0.6055 = [−0.49755, 2.49755]: not significant
        int[] now = {5, 4, 4, 2, 5};
        int[] before = {3, 3, 2, 4, 3, 3};
        for (int i = 0; i < now.length; i++) {
            fixtures.bucket(response(org.id(), "2026-11-1" + (i + 1) + "T10:00:00Z", Channel.WEB, null, now[i]));
        }
        for (int i = 0; i < before.length; i++) {
            fixtures.bucket(response(org.id(), "2026-11-0" + (i + 1) + "T10:00:00Z", Channel.WEB, null, before[i]));
        }
        fixtures.bucket(response(org.id(), "2026-10-31T10:00:00Z", Channel.WEB, null, 1));

        JsonPath answer = given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof?from=2026-11-11&to=2026-11-20&compare=previous")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("comparison.previous.from")).isEqualTo("2026-11-01");
        assertThat(answer.getString("comparison.previous.to")).isEqualTo("2026-11-10");
        assertThat(answer.getInt("comparison.responses")).isEqualTo(6);
        assertThat(answer.getDouble("comparison.changes.VALUE.current")).isCloseTo(1.0, within(EPS));
        assertThat(answer.getDouble("comparison.changes.VALUE.previous")).isCloseTo(0.0, within(EPS));
        assertThat(answer.getDouble("comparison.changes.VALUE.difference")).isCloseTo(1.0, within(EPS));
        assertThat(answer.getDouble("comparison.changes.VALUE.ci95.low")).isCloseTo(-0.49755374, within(1e-6));
        assertThat(answer.getDouble("comparison.changes.VALUE.ci95.high")).isCloseTo(2.49755374, within(1e-6));
        assertThat(answer.getBoolean("comparison.changes.VALUE.significant")).isFalse();
        assertThat(answer.getDouble("comparison.changes.overall.difference")).isCloseTo(1.0, within(EPS));
        assertThat(answer.getString("comparison.changes.overall.ci95")).as("a composite has no interval").isNull();
        assertThat(answer.getString("comparison.changes.SENSING.difference")).as("not answered").isNull();

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/summary?from=2026-11-11&to=2026-11-20&compare=previous")
                .then().statusCode(200)
                .body("comparison.serviceproof.changes.overall.difference", equalTo(1.0))
                .body("comparison.recovery.responses", equalTo(0));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof")
                .then().statusCode(200).body("comparison", nullValue());
        for (String query : List.of("compare=previous", "from=2026-11-11&compare=previous",
                "from=2026-11-11&to=2026-11-20&compare=next")) {
            given().header("X-Api-Key", org.readKey())
                    .when().get("/api/v1/organisations/" + org.id() + "/recovery?" + query)
                    .then().statusCode(400).body("detail", containsString("compare"));
        }
    }

    @Test
    void trendsFollowIsoWeeksMonthsAndDaysAcrossYearEnds() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("trend");
        String[] days = {"2020-12-31T12:00:00Z", "2021-01-03T23:59:59Z", "2021-01-04T00:00:00Z",
                "2026-10-31T23:59:59Z", "2026-11-01T00:00:00Z", "2026-12-31T10:00:00Z", "2027-01-01T10:00:00Z"};
        int[] answers = {5, 4, 1, 2, 3, 5, 1};
        for (int d = 0; d < days.length; d++) {
            for (int i = 0; i < 5; i++) {
                fixtures.bucket(response(org.id(), days[d], Channel.WEB, null, answers[d]));
            }
        }
        fixtures.bucket(response(org.id(), "2027-01-10T10:00:00Z", Channel.WEB, null, 5));

        JsonPath weeks = trend(org, "instrument=SERVICEPROOF&metric=V&granularity=week");
        assertThat(weeks.getList("points.period")).containsExactly("2020-W53", "2021-W01", "2026-W44", "2026-W53", "2027-W01");
        assertThat(weeks.getList("points.responses", Integer.class)).containsExactly(10, 5, 10, 10, 1);
        assertThat(weeks.getList("points.value")).containsExactly(1.5, -2.0, -0.5, 0.0, null);
        assertThat(weeks.getString("instrument")).isEqualTo("SERVICEPROOF");
        assertThat(weeks.getString("metric")).isEqualTo("V");
        assertThat(weeks.getString("granularity")).isEqualTo("week");

        JsonPath months = trend(org, "instrument=SERVICEPROOF&metric=overall&granularity=month");
        assertThat(months.getList("points.period")).containsExactly("2020-12", "2021-01", "2026-10", "2026-11", "2026-12", "2027-01");
        assertThat(months.getList("points.value")).containsExactly(2.0, -0.5, -1.0, 0.0, 2.0, -8.0 / 6);

        JsonPath daily = trend(org, "instrument=SERVICEPROOF&metric=VALUE&from=2026-10-31&to=2026-11-01");
        assertThat(daily.getList("points.period")).containsExactly("2026-10-31", "2026-11-01");
        assertThat(daily.getString("granularity")).isEqualTo("day");
        assertThat(daily.getString("selection.from")).isEqualTo("2026-10-31");
    }

    @Test
    void recoveryTrendsFollowTheRelationshipIndicators() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("rtrend");
        RelationshipOutcome[] outcomes = {RelationshipOutcome.STRENGTHENED, RelationshipOutcome.STRENGTHENED,
                RelationshipOutcome.FLATTENED, RelationshipOutcome.WEAKENED, RelationshipOutcome.BROKEN};
        for (RelationshipOutcome outcome : outcomes) {
            fixtures.bucket(recovery(org.id(), "2026-11-02T10:00:00Z", outcome));
            fixtures.bucket(recovery(org.id(), "2026-11-09T10:00:00Z", RelationshipOutcome.BROKEN));
        }

        JsonPath nri = trend(org, "instrument=service_recovery&metric=nri&granularity=week");
        assertThat(nri.getList("points.period")).containsExactly("2026-W45", "2026-W46");
        assertThat(nri.getList("points.value")).containsExactly(0.0, -100.0);
        JsonPath rii = trend(org, "instrument=SERVICE_RECOVERY&metric=rii&granularity=month");
        assertThat(rii.getDouble("points[0].value")).isCloseTo((2 - 1 - 2 - 10) / 10.0, within(EPS));
    }

    @Test
    void badTrendRequestsAreRefused() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("bad-trend");
        for (String query : List.of("metric=overall", "instrument=NPS&metric=overall", "instrument=SERVICEPROOF",
                "instrument=SERVICEPROOF&metric=happiness", "instrument=SERVICEPROOF&metric=nri",
                "instrument=SERVICE_RECOVERY&metric=SER", "instrument=SERVICEPROOF&metric=overall&granularity=year",
                "instrument=SERVICEPROOF&metric=overall&channel=FAX")) {
            given().header("X-Api-Key", org.readKey())
                    .when().get("/api/v1/organisations/" + org.id() + "/trends?" + query)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/trends?instrument=SERVICEPROOF&metric=nri")
                .then().body("detail", containsString("SERVICE_RECOVERY"));
    }

    @Test
    void aPollWithTheCurrentEtagIsNotModifiedUntilTheScoresChange() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("etag");
        fixtures.bucket(response(org.id(), "2026-11-20T10:00:00Z", Channel.WEB, null, 4));
        fixtures.bumpVersion(org.id(), "SERVICEPROOF");

        for (String resource : List.of("serviceproof", "summary", "trends?instrument=SERVICEPROOF&metric=overall")) {
            String path = "/api/v1/organisations/" + org.id() + "/" + resource;
            String etag = given().header("X-Api-Key", org.readKey()).when().get(path)
                    .then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", equalTo("no-cache"))
                    .extract().header("ETag");
            given().header("X-Api-Key", org.readKey()).header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
            given().header("X-Api-Key", "voc_read_wrong").header("If-None-Match", etag).when().get(path)
                    .then().statusCode(401);
        }
        String recoveryTag = given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/recovery").then().statusCode(200).extract().header("ETag");
        String before = given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof").then().extract().header("ETag");

        fixtures.bucket(response(org.id(), "2026-11-20T11:00:00Z", Channel.WEB, null, 2));
        fixtures.bumpVersion(org.id(), "SERVICEPROOF");

        String after = given().header("X-Api-Key", org.readKey()).header("If-None-Match", before)
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof")
                .then().statusCode(200).body("responses", equalTo(2)).extract().header("ETag");
        assertThat(after).isNotEqualTo(before);
        // a ServiceProof change leaves the recovery answer as it was
        given().header("X-Api-Key", org.readKey()).header("If-None-Match", recoveryTag)
                .when().get("/api/v1/organisations/" + org.id() + "/recovery").then().statusCode(304);
    }

    @Test
    void allowedFrontEndOriginsMayCallAcrossOrigins() {
        given().header("Origin", "http://dashboards.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-Api-Key,If-None-Match")
                .when().options("/api/v1/organisations/acme/summary")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://dashboards.test"));
        given().header("Origin", "http://elsewhere.test")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/organisations/acme/summary")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    private void assertValue(Fixtures.Keys org, String query, int responses, Double value) {
        JsonPath answer = given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/serviceproof" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("responses")).as(query).isEqualTo(responses);
        if (value == null) {
            assertThat(answer.getString("aspects.VALUE.mean")).as(query).isNull();
        } else {
            assertThat(answer.getDouble("aspects.VALUE.mean")).as(query).isCloseTo(value, within(EPS));
        }
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/summary" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).body("serviceproof.responses", equalTo(responses));
    }

    private JsonPath trend(Fixtures.Keys org, String query) {
        return given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/" + org.id() + "/trends?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static ResponseSubmitted response(String org, String answeredAt, Channel channel, String touchpoint, int value) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(Instant.parse(answeredAt))
                .receivedAt(Instant.parse(answeredAt))
                .channel(channel)
                .touchpoint(touchpoint)
                .answer("VALUE", value)
                .build();
    }

    private static ResponseSubmitted recovery(String org, String answeredAt, RelationshipOutcome outcome) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(Instant.parse(answeredAt))
                .receivedAt(Instant.parse(answeredAt))
                .channel(Channel.PHONE)
                .relationship(outcome)
                .build();
    }
}
