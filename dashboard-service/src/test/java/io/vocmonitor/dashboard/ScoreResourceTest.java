package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class ScoreResourceTest {

    private static final String ADMIN = "Bearer " + VocInfrastructure.ADMIN_TOKEN;
    private static final double EPS = 1e-9;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void serviceProofScoresMatchHandComputedNumbers() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("scores");
        // SENSING 5,4,4,2,5 (scores 2,1,1,−1,2: mean 1, sd √1.5); EMPATHY 3 ×5 (mean 0); VALUE 1,2 (mean −1.5);
        // COMMITMENT 5 (mean 2); recommend 10,9,7,3,0 → NPS 0; effort 7,6,2 → mean 5, easy 2/3;
        // satisfaction 5,4,4,1 → mean 3.5, CSAT 75
        fixtures.bucket(
                response(org.id(), Map.of("SENSING", 5, "EMPATHY", 3, "VALUE", 1, "COMMITMENT", 5), 10, 7, 5),
                response(org.id(), Map.of("SENSING", 4, "EMPATHY", 3, "VALUE", 2), 9, 6, 4),
                response(org.id(), Map.of("SENSING", 4, "EMPATHY", 3), 7, 2, 4),
                response(org.id(), Map.of("SENSING", 2, "EMPATHY", 3), 3, null, 1),
                response(org.id(), Map.of("SENSING", 5, "EMPATHY", 3), 0, null, null));

        double half = 1.96 * Math.sqrt(1.5) / Math.sqrt(5);
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/serviceproof", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(5))
                .body("sufficient", equalTo(true))
                .body("aspects.SENSING.n", equalTo(5))
                .body("aspects.SENSING.mean", closeTo(1.0, EPS))
                .body("aspects.SENSING.sd", closeTo(Math.sqrt(1.5), EPS))
                .body("aspects.SENSING.ci95.low", closeTo(1.0 - half, EPS))
                .body("aspects.SENSING.ci95.high", closeTo(1.0 + half, EPS))
                .body("aspects.SENSING.distribution", equalTo(Map.of("1", 0, "2", 1, "3", 0, "4", 2, "5", 2)))
                .body("aspects.EMPATHY.sd", closeTo(0.0, EPS))
                .body("aspects.RESONANCE.n", equalTo(0))
                .body("aspects.RESONANCE.mean", nullValue())
                .body("aspects.VALUE.mean", closeTo(-1.5, EPS))
                .body("aspects.COMMITMENT.ci95", nullValue())
                .body("constructs.SER", closeTo(0.5, EPS))
                .body("constructs.V", closeTo(-1.5, EPS))
                .body("constructs.ICE", closeTo(2.0, EPS))
                .body("overall", closeTo(1.0 / 3, EPS))
                .body("nps.n", equalTo(5))
                .body("nps.promoters", equalTo(2))
                .body("nps.detractors", equalTo(2))
                .body("nps.nps", closeTo(0.0, EPS))
                .body("nps.moe95", closeTo(196 * Math.sqrt(0.8 / 5), EPS))
                .body("ces.n", equalTo(3))
                .body("ces.mean", closeTo(5.0, EPS))
                .body("ces.easyShare", closeTo(2.0 / 3, EPS))
                .body("csat.n", equalTo(4))
                .body("csat.mean", closeTo(3.5, EPS))
                .body("csat.csat", closeTo(75.0, EPS));
    }

    @Test
    void recoveryScoresMatchHandComputedNumbers() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("recovery");
        // RESOLUTION scores 2,1,0,−1,−2 against impacts 1,1,0,−1,−2: r = 40/√(50·34), mean 0 → priority 2r;
        // RECEPTIVENESS 1,1,1,1,−1: r = 18/√(16·34), mean 0.6 → priority 1.4r; RELIANCE without spread
        fixtures.bucket(
                recovery(org.id(), RelationshipOutcome.STRENGTHENED, Map.of("RESOLUTION", 5, "RECEPTIVENESS", 4, "RELIANCE", 3), 5),
                recovery(org.id(), RelationshipOutcome.STRENGTHENED, Map.of("RESOLUTION", 4, "RECEPTIVENESS", 4, "RELIANCE", 3), 4),
                recovery(org.id(), RelationshipOutcome.FLATTENED, Map.of("RESOLUTION", 3, "RECEPTIVENESS", 4, "RELIANCE", 3), 3),
                recovery(org.id(), RelationshipOutcome.WEAKENED, Map.of("RESOLUTION", 2, "RECEPTIVENESS", 4, "RELIANCE", 3), 2),
                recovery(org.id(), RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1, "RECEPTIVENESS", 2, "RELIANCE", 3), null));

        double r = 40 / Math.sqrt(50 * 34);
        double half = 1.96 * Math.sqrt(1.7) / Math.sqrt(5);
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/recovery", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(5))
                .body("sufficient", equalTo(true))
                .body("drivers.RESOLUTION.n", equalTo(5))
                .body("drivers.RESOLUTION.mean", closeTo(0.0, EPS))
                .body("drivers.RESOLUTION.importance", closeTo(r, EPS))
                .body("drivers.RESOLUTION.priority", closeTo(2 * r, EPS))
                .body("drivers.RECEPTIVENESS.importance", closeTo(18 / Math.sqrt(16 * 34), EPS))
                .body("drivers.RELIANCE.importance", nullValue())
                .body("drivers.LEARNING.n", equalTo(0))
                .body("brandEffect.n", equalTo(4))
                .body("brandEffect.mean", closeTo(0.5, EPS))
                .body("relationship.counts", equalTo(Map.of("STRENGTHENED", 2, "FLATTENED", 1, "WEAKENED", 1, "BROKEN", 1)))
                .body("relationship.shares.STRENGTHENED", closeTo(0.4, EPS))
                .body("relationship.nri", closeTo(0.0, EPS))
                .body("relationship.rii", closeTo(-0.2, EPS))
                .body("relationship.ci95.low", closeTo(-0.2 - half, EPS))
                .body("relationship.ci95.high", closeTo(-0.2 + half, EPS))
                .body("relationship.indicator", equalTo("FLATTENED"))
                .body("keyDrivers", equalTo(List.of("RESOLUTION", "RECEPTIVENESS", "RESPONSIVENESS", "RESONANCE",
                        "RELIANCE", "LEARNING")));
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/summary", org.id())
                .then().statusCode(200)
                .body("recovery.responses", equalTo(5))
                .body("recovery.indicator", equalTo("FLATTENED"))
                .body("recovery.nri", closeTo(0.0, EPS))
                .body("recovery.rii", closeTo(-0.2, EPS))
                .body("serviceproof.responses", equalTo(0));
    }

    @Test
    void recoveryBelowTheMinimumSampleHasNoIndicator() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("few");
        fixtures.bucket(recovery(org.id(), RelationshipOutcome.BROKEN, Map.of("RESOLUTION", 1), 1));

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/recovery", org.id())
                .then().statusCode(200)
                .body("sufficient", equalTo(false))
                .body("relationship.counts.BROKEN", equalTo(1))
                .body("relationship.rii", nullValue())
                .body("relationship.indicator", equalTo("INSUFFICIENT_DATA"))
                .body("keyDrivers", equalTo(List.of()));
    }

    @Test
    void belowTheMinimumSampleOnlyCountsAreShown() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("small");
        fixtures.bucket(
                response(org.id(), Map.of("SENSING", 5), 10, null, null),
                response(org.id(), Map.of("SENSING", 1), 2, null, null));

        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/serviceproof", org.id())
                .then().statusCode(200)
                .body("responses", equalTo(2))
                .body("sufficient", equalTo(false))
                .body("aspects.SENSING.n", equalTo(2))
                .body("aspects.SENSING.distribution.1", equalTo(1))
                .body("aspects.SENSING.mean", nullValue())
                .body("aspects.SENSING.sd", nullValue())
                .body("constructs.SER", nullValue())
                .body("overall", nullValue())
                .body("nps.n", equalTo(2))
                .body("nps.nps", nullValue());
        given().header("X-Api-Key", org.readKey())
                .when().get("/api/v1/organisations/{org}/summary", org.id())
                .then().statusCode(200)
                .body("serviceproof.responses", equalTo(2))
                .body("serviceproof.overall", nullValue())
                .body("serviceproof.sufficient", equalTo(false));
    }

    @Test
    void theSummaryCarriesTheHeadlineNumbers() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("summary");
        for (int i = 0; i < 5; i++) {
            fixtures.bucket(response(org.id(), Map.of("SENSING", 4, "VALUE", 5, "ENGAGEMENT", 3), 9, 6, 5));
        }

        given().header("Authorization", ADMIN)
                .when().get("/api/v1/organisations/{org}/summary", org.id())
                .then().statusCode(200)
                .body("organisationId", equalTo(org.id()))
                .body("serviceproof.responses", equalTo(5))
                .body("serviceproof.overall", closeTo(1.0, EPS))
                .body("serviceproof.constructs.V", closeTo(2.0, EPS))
                .body("serviceproof.nps", closeTo(100.0, EPS))
                .body("serviceproof.ces", closeTo(6.0, EPS))
                .body("serviceproof.csat", closeTo(100.0, EPS))
                .body("serviceproof.sufficient", equalTo(true));
    }

    @Test
    void onlyTheOrganisationsReadKeyOrTheAdminReadsItsScores() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("owner");
        Fixtures.Keys other = fixtures.organisation("stranger");
        String path = "/api/v1/organisations/{org}/serviceproof";

        given().when().get(path, org.id()).then().statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", "voc_read_unknown").when().get(path, org.id()).then().statusCode(401);
        given().header("Authorization", "Bearer nope").when().get(path, org.id()).then().statusCode(401);
        given().header("X-Api-Key", org.ingestKey()).when().get(path, org.id()).then().statusCode(403);
        given().header("X-Api-Key", other.readKey()).when().get(path, org.id()).then().statusCode(403);
        given().header("X-Api-Key", other.readKey()).when().get("/api/v1/organisations/{org}/summary", org.id())
                .then().statusCode(403);
        given().header("Authorization", ADMIN).when().get(path, "no-such-org").then().statusCode(404);
        given().header("Authorization", ADMIN).when().get(path, org.id()).then().statusCode(200)
                .body("responses", equalTo(0));
        given().header("X-Api-Key", org.readKey()).when().get(path, org.id()).then().statusCode(200);
    }

    @Test
    void aStreamReceivesTheScoreUpdatesOfItsOrganisation() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        Fixtures.Keys org = fixtures.organisation("stream");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/organisations/" + org.id() + "/stream"))
                .header("X-Api-Key", org.readKey())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean scores = false;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("event:scores") || line.equals("event: scores")) {
                        scores = true;
                    } else if (scores && line.startsWith("data:")) {
                        return line.substring(5).trim();
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // another organisation's notice must not reach this stream; the stream's own one must, promptly
        String announced = await(() -> {
            TopicProbe.produce(kafka, Topics.SCORE_UPDATES, "someone-else",
                    EventCodec.encode(ScoreUpdate.of("someone-else", Instrument.SERVICEPROOF, 1, Instant.now())));
            TopicProbe.produce(kafka, Topics.SCORE_UPDATES, org.id(),
                    EventCodec.encode(ScoreUpdate.of(org.id(), Instrument.SERVICEPROOF, 7, Instant.now())));
        }, data);

        assertThat(EventCodec.decodeScoreUpdate(announced).organisationId()).isEqualTo(org.id());
        assertThat(EventCodec.decodeScoreUpdate(announced).version()).isEqualTo(7);
    }

    /** Sends notices until the stream has one: the stream's consumer joins the topic a moment after start. */
    private static String await(Runnable send, CompletableFuture<String> data) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            send.run();
            try {
                return data.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the consumer was not assigned yet; send again
            }
        }
        throw new AssertionError("no scores event within 30 s");
    }

    private static ResponseSubmitted recovery(String org, RelationshipOutcome outcome, Map<String, Integer> answers,
            Integer brandEffect) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.parse("2026-11-20T10:15:01Z"))
                .channel(Channel.PHONE)
                .relationship(outcome)
                .brandEffect(brandEffect);
        answers.forEach(builder::answer);
        return builder.build();
    }

    private static ResponseSubmitted response(String org, Map<String, Integer> answers, Integer recommend,
            Integer effort, Integer satisfaction) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.parse("2026-11-20T10:15:01Z"))
                .channel(Channel.PHONE)
                .recommend(recommend)
                .effort(effort)
                .satisfaction(satisfaction);
        answers.forEach(builder::answer);
        return builder.build();
    }

}
