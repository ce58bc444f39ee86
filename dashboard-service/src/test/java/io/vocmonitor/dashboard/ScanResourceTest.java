package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;
import io.vocmonitor.testing.VocInfrastructure;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET …/scan} and the sector benchmark against hand-computed numbers (SPEC §2.4). */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class ScanResourceTest {

    private static final double EPS = 1e-9;
    private static final Instant ROUND_2 = Instant.parse("2026-11-15T09:00:00Z");

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @BeforeAll
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /**
     * Six respondents. DESIGN_1 points 3,1,3,0,3,1 (n 6, Σ 11, Σx² 29); DESIGN_2 1,0,1,0,3 (n 5, Σ 5, Σx² 11);
     * LOYAL_CUSTOMERS_1 5,1,3,0,5,1 (n 6, Σ 15, Σx² 61); CULTURE_1 NA twice. DESIGN 16/33, results 15/30,
     * overall 31/63. The first five are employees (DESIGN_1 10, DESIGN_2 5, LOYAL_CUSTOMERS_1 14 over 15, 15, 25).
     */
    private static List<ResponseSubmitted> sixRespondents(String org, Instant at) {
        return List.of(
                scan(org, at, ScanRole.EMPLOYEE, "KCC", Map.of("DESIGN_1", 3, "DESIGN_2", 1, "LOYAL_CUSTOMERS_1", 5),
                        "CULTURE_1"),
                scan(org, at, ScanRole.EMPLOYEE, "kcc ", Map.of("DESIGN_1", 1, "DESIGN_2", 0, "LOYAL_CUSTOMERS_1", 1), null),
                scan(org, at, ScanRole.EMPLOYEE, "KCC", Map.of("DESIGN_1", 3, "DESIGN_2", 1, "LOYAL_CUSTOMERS_1", 3), null),
                scan(org, at, ScanRole.EMPLOYEE, "MarCom", Map.of("DESIGN_1", 0, "DESIGN_2", 0, "LOYAL_CUSTOMERS_1", 0),
                        "CULTURE_1"),
                scan(org, at, ScanRole.EMPLOYEE, "MarCom", Map.of("DESIGN_1", 3, "DESIGN_2", 3, "LOYAL_CUSTOMERS_1", 5), null),
                scan(org, at, null, null, Map.of("DESIGN_1", 1, "LOYAL_CUSTOMERS_1", 1), null));
    }

    @Test
    void theScanMatchesHandComputedNumbersWithBreakdownsRecheckedPerGroup() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("scan", "HEALTHCARE");
        fixtures.bucket(sixRespondents(org.id(), ROUND_2).toArray(ResponseSubmitted[]::new));

        double design1Sd = Math.sqrt((29 - 121.0 / 6) / 5);
        double design2Sd = Math.sqrt((11 - 25.0 / 5) / 4);
        double loyalSd = Math.sqrt((61 - 225.0 / 6) / 5);
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/scan", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(6))
                .body("sufficient", equalTo(true))
                .body("overall.score", closeTo(100.0 * 31 / 63, EPS))
                .body("overall.band", equalTo("APPLAUSE"))
                .body("blocks.DESIGN.score", closeTo(100.0 * 16 / 33, EPS))
                .body("blocks.DESIGN.band", equalTo("APPLAUSE"))
                .body("blocks.DESIGN.n", equalTo(11))
                .body("blocks.DESIGN.items.DESIGN_1.n", equalTo(6))
                .body("blocks.DESIGN.items.DESIGN_1.mean", closeTo(11.0 / 6, EPS))
                .body("blocks.DESIGN.items.DESIGN_1.sd", closeTo(design1Sd, EPS))
                .body("blocks.DESIGN.items.DESIGN_1.distribution",
                        equalTo(Map.of("NO", 1, "STARTED", 2, "SYSTEMATIC", 3)))
                .body("blocks.CULTURE.score", nullValue())
                .body("blocks.CULTURE.band", nullValue())
                .body("blocks.CULTURE.items.CULTURE_1.n", equalTo(0))
                .body("blocks.CULTURE.items.CULTURE_1.naCount", equalTo(2))
                .body("results.score", closeTo(50.0, EPS))
                .body("results.band", equalTo("EXCELLENCE"))
                .body("results.areas.LOYAL_CUSTOMERS.items.LOYAL_CUSTOMERS_1.distribution",
                        equalTo(Map.of("BELOW_AVERAGE", 1, "AVERAGE", 2, "ABOVE_AVERAGE", 1, "TOP", 2)))
                .body("results.areas.ENGAGED_EMPLOYEES.score", nullValue())
                .body("disagreements.item", equalTo(List.of("DESIGN_1", "LOYAL_CUSTOMERS_1", "DESIGN_2")))
                .body("disagreements[1].sd", closeTo(loyalSd, EPS))
                .body("disagreements[1].relativeSd", closeTo(loyalSd / 5, EPS))
                .body("disagreements[2].relativeSd", closeTo(design2Sd / 3, EPS))
                // the minimum sample (5) is checked again for every group: the employees have it, the rest not
                .body("byRole.role", equalTo(Arrays.asList("EMPLOYEE", null)))
                .body("byRole[0].responses", equalTo(5))
                .body("byRole[0].score", closeTo(100.0 * 29 / 55, EPS))
                .body("byRole[0].band", equalTo("EXCELLENCE"))
                .body("byRole[1].score", nullValue())
                .body("byRole[1].sufficient", equalTo(false))
                .body("byUnit.unit", equalTo(Arrays.asList("kcc", "marcom", null)))
                .body("byUnit.responses", equalTo(List.of(3, 2, 1)))
                .body("byUnit.score", equalTo(Arrays.asList(null, null, null)))
                .body("benchmark.sector", equalTo("HEALTHCARE"))
                .body("benchmark.sectorMean", nullValue());

        // a selection by role or unit is the sum of those buckets, rechecked against the minimum sample
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/scan?role=employee", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(5))
                .body("overall.score", closeTo(100.0 * 29 / 55, EPS))
                .body("selection.roles", equalTo(List.of("EMPLOYEE")));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/scan?unit=KCC", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(3))
                .body("sufficient", equalTo(false))
                .body("overall.score", nullValue())
                .body("disagreements", equalTo(List.of()))
                .body("blocks.DESIGN.items.DESIGN_1.n", equalTo(3))
                // one person's answers must not show through a narrow selection: no distribution below the sample
                .body("blocks.DESIGN.items.DESIGN_1.distribution", nullValue());
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/scan?role=INTERN", org.id())
                .then().statusCode(400).body("detail", containsString("role"));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/summary", org.id())
                .then().statusCode(200)
                .body("scan.responses", equalTo(6))
                .body("scan.overall", closeTo(100.0 * 31 / 63, EPS))
                .body("scan.band", equalTo("APPLAUSE"));
    }

    @Test
    void aSecondRoundComparesWithTheFirstAndTrendsFollowTheBlocks() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("scan-rounds", "HEALTHCARE");
        // round 1 in October: five respondents, DESIGN_1 STARTED each → DESIGN 33⅓ %, overall 33⅓ %
        for (int i = 0; i < 5; i++) {
            fixtures.bucket(scan(org.id(), Instant.parse("2026-10-15T09:00:00Z"), ScanRole.MANAGER, null,
                    Map.of("DESIGN_1", 1), null));
        }
        fixtures.bucket(sixRespondents(org.id(), ROUND_2).toArray(ResponseSubmitted[]::new));

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/scan?from=2026-11-01&to=2026-11-30&compare=previous", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(6))
                .body("comparison.responses", equalTo(5))
                .body("comparison.changes.overall.current", closeTo(100.0 * 31 / 63, EPS))
                .body("comparison.changes.overall.previous", closeTo(100.0 / 3, EPS))
                .body("comparison.changes.overall.difference", closeTo(100.0 * 31 / 63 - 100.0 / 3, EPS))
                .body("comparison.changes.DESIGN.previous", closeTo(100.0 / 3, EPS))
                .body("comparison.changes.results.previous", nullValue());

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/trends?instrument=SERVICE_EXCELLENCE_SCAN&metric=DESIGN"
                        + "&granularity=month", org.id())
                .then().statusCode(200)
                .body("points.period", equalTo(List.of("2026-10", "2026-11")))
                .body("points.value[0]", closeTo(100.0 / 3, EPS))
                .body("points.value[1]", closeTo(100.0 * 16 / 33, EPS));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/trends?instrument=SERVICE_EXCELLENCE_SCAN&metric=overall"
                        + "&role=MANAGER", org.id())
                .then().statusCode(200)
                .body("points.responses", equalTo(List.of(5)));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/trends?instrument=SERVICE_EXCELLENCE_SCAN&metric=overall"
                        + "&channel=PHONE", org.id())
                .then().statusCode(400).body("detail", containsString("channel"));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/trends?instrument=SERVICEPROOF&metric=overall&unit=kcc",
                        org.id())
                .then().statusCode(400).body("detail", containsString("unit"));
    }

    @Test
    void aSectorMeanAppearsWithThreeSufficientOrganisationsAndNotWithTwo() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys asking = fixtures.organisation("bench-a", "LOCAL_GOVERNMENT");
        fixtures.bucket(sixRespondents(asking.id(), ROUND_2).toArray(ResponseSubmitted[]::new));
        fixtures.bumpVersion(asking.id(), Instrument.SERVICE_EXCELLENCE_SCAN.name());
        Fixtures.Keys top = fixtures.organisation("bench-b", "LOCAL_GOVERNMENT");
        everyone(fixtures, top.id(), 5, 3); // 100 %
        Fixtures.Keys small = fixtures.organisation("bench-small", "LOCAL_GOVERNMENT");
        everyone(fixtures, small.id(), 4, 0); // below the minimum sample: not counted

        String etag = given().header("X-Api-Key", asking.readKey())
                .when().get("/api/v1/organisations/{org}/scan", asking.id())
                .then().statusCode(200)
                .body("benchmark.sector", equalTo("LOCAL_GOVERNMENT"))
                .body("benchmark.sectorMean", nullValue())
                .body("benchmark.organisations", equalTo(2))
                .body("benchmark.sectors.sector", not(hasItem("LOCAL_GOVERNMENT")))
                .extract().header("ETag");
        given().header("X-Api-Key", top.ingestKey()).when().get("/api/v1/benchmarks/scan")
                .then().statusCode(200).body("sectors.sector", not(hasItem("LOCAL_GOVERNMENT")));

        Fixtures.Keys bottom = fixtures.organisation("bench-c", "LOCAL_GOVERNMENT");
        everyone(fixtures, bottom.id(), 5, 0); // 0 %

        double mean = (100.0 * 31 / 63 + 100 + 0) / 3;
        // another organisation's scan changed the answer: the old tag is no longer current
        given().header("X-Api-Key", asking.readKey()).header("If-None-Match", etag)
                .when().get("/api/v1/organisations/{org}/scan", asking.id())
                .then().statusCode(200)
                .body("benchmark.sectorMean", closeTo(mean, EPS))
                .body("benchmark.organisations", equalTo(3))
                .body("benchmark.difference", closeTo(100.0 * 31 / 63 - mean, EPS))
                .body("benchmark.sectors.sector", hasItem("LOCAL_GOVERNMENT"));
        String benchmarkTag = given().header("X-Api-Key", top.ingestKey()).when().get("/api/v1/benchmarks/scan")
                .then().statusCode(200)
                .body("minimumOrganisations", equalTo(3))
                .body("sectors.find { it.sector == 'LOCAL_GOVERNMENT' }.mean", closeTo(mean, EPS))
                .body("sectors.find { it.sector == 'LOCAL_GOVERNMENT' }.organisations", equalTo(3))
                .extract().header("ETag");
        given().header("Authorization", "Bearer " + VocInfrastructure.ADMIN_TOKEN).header("If-None-Match", benchmarkTag)
                .when().get("/api/v1/benchmarks/scan").then().statusCode(304);
        // no selection of days: the means of two periods could be subtracted to reveal one organisation; a selection
        // narrows the organisation's own figures, never the benchmark
        given().header("X-Api-Key", top.readKey()).when().get("/api/v1/benchmarks/scan?to=2025-12-31")
                .then().statusCode(400).body("detail", containsString("whole scans only"));
        given().header("X-Api-Key", asking.readKey())
                .when().get("/api/v1/organisations/{org}/scan?to=2025-12-31", asking.id())
                .then().statusCode(200)
                .body("responses", equalTo(0))
                .body("benchmark.sectorMean", closeTo(mean, EPS));
        given().when().get("/api/v1/benchmarks/scan").then().statusCode(401);
        given().header("X-Api-Key", "voc_read_" + UUID.randomUUID()).when().get("/api/v1/benchmarks/scan")
                .then().statusCode(401);
    }

    /** {@code respondents} scans answering DESIGN_1 with {@code points}, and a new score version. */
    private static void everyone(Fixtures fixtures, String org, int respondents, int points) throws Exception {
        for (int i = 0; i < respondents; i++) {
            fixtures.bucket(scan(org, ROUND_2, ScanRole.EMPLOYEE, null, Map.of("DESIGN_1", points), null));
        }
        fixtures.bumpVersion(org, Instrument.SERVICE_EXCELLENCE_SCAN.name());
    }

    private static ResponseSubmitted scan(String org, Instant at, ScanRole role, String unit, Map<String, Integer> points,
            String notApplicable) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId(org)
                .instrument(Instrument.SERVICE_EXCELLENCE_SCAN).answeredAt(at).receivedAt(at).role(role).unit(unit);
        points.forEach(builder::answer);
        if (notApplicable != null) {
            builder.notApplicable(notApplicable);
        }
        return builder.build();
    }
}
