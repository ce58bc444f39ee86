package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.vocmonitor.system.ReferenceScores.Raw;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: responses posted to the survey-service travel through the real broker to
 * the scoring-service and come out of the dashboard-service as exactly the numbers of SPEC §2.1 and §2.3,
 * with repeated responses counted once and invalid ones not at all.
 */
@SystemTest
class EndToEndIT {

    private static final double EPS = 1e-9;

    private Platform platform;
    private Api api;

    @Test
    void serviceProofScoresAreExactAfterTheWholeTrip() {
        Api.Org org = api.register("e2e");
        Api.Org neighbour = api.register("neighbour");
        Random random = new Random(20261124);
        double duplicatesBefore = api.metric("scoring", "voc_responses_duplicate_total");

        List<Raw> raws = new ArrayList<>();
        List<Map<String, Object>> posted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Raw raw = randomResponse(random);
            Map<String, Object> body = body(raw, random);
            api.post(org, body, 202);
            raws.add(raw);
            posted.add(body);
        }
        // the same responses again, as a client retrying after a lost answer would send them
        for (int i = 0; i < 30; i++) {
            api.post(org, posted.get(random.nextInt(posted.size())), 202);
        }
        for (String invalid : List.of(
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"SENSING\": 9}}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {}}",
                "{\"instrument\": \"UNKNOWN\", \"answers\": {\"SENSING\": 4}}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"recommend\": 12}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": \"4\"}}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"channel\": \"FAX\"}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"answeredAt\": \"2099-01-01T00:00:00Z\"}",
                "not json at all")) {
            api.post(org, invalid, 400).contentType("application/problem+json");
        }
        for (int i = 0; i < 7; i++) {
            api.post(neighbour, body(randomResponse(random), random), 202);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 300
                        && api.scores(neighbour, "summary").getInt("serviceproof.responses") == 7);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.metric("scoring", "voc_responses_duplicate_total") >= duplicatesBefore + 30);

        JsonPath scores = api.scores(org, "serviceproof");
        assertThat(scores.getInt("responses")).isEqualTo(300);
        assertThat(scores.getBoolean("sufficient")).isTrue();
        for (String aspect : ReferenceScores.ASPECTS) {
            ReferenceScores.Aspect expected = ReferenceScores.aspect(raws, aspect);
            String path = "aspects." + aspect;
            assertThat(scores.getInt(path + ".n")).as(path + ".n").isEqualTo(expected.n());
            assertThat(scores.getDouble(path + ".mean")).as(path + ".mean").isCloseTo(expected.mean(), within(EPS));
            assertThat(scores.getDouble(path + ".sd")).as(path + ".sd").isCloseTo(expected.sd(), within(EPS));
            assertThat(scores.getDouble(path + ".ci95.low")).isCloseTo(expected.low(), within(EPS));
            assertThat(scores.getDouble(path + ".ci95.high")).isCloseTo(expected.high(), within(EPS));
            assertThat(scores.getMap(path + ".distribution")).as(path + ".distribution")
                    .isEqualTo(new LinkedHashMap<String, Object>(expected.distribution()));
        }
        for (String construct : List.of("SER", "V", "ICE")) {
            assertThat(scores.getDouble("constructs." + construct)).as(construct)
                    .isCloseTo(ReferenceScores.construct(raws, construct), within(EPS));
        }
        assertThat(scores.getDouble("overall")).isCloseTo(ReferenceScores.overall(raws), within(EPS));
        double[] nps = ReferenceScores.nps(raws);
        assertThat(scores.getInt("nps.n")).isEqualTo((int) nps[0]);
        assertThat(scores.getInt("nps.promoters")).isEqualTo((int) nps[1]);
        assertThat(scores.getInt("nps.passives")).isEqualTo((int) nps[2]);
        assertThat(scores.getInt("nps.detractors")).isEqualTo((int) nps[3]);
        assertThat(scores.getDouble("nps.nps")).isCloseTo(nps[4], within(EPS));
        assertThat(scores.getDouble("nps.moe95")).isCloseTo(nps[5], within(EPS));
        double[] ces = ReferenceScores.ces(raws);
        assertThat(scores.getInt("ces.n")).isEqualTo((int) ces[0]);
        assertThat(scores.getDouble("ces.mean")).isCloseTo(ces[1], within(EPS));
        assertThat(scores.getDouble("ces.easyShare")).isCloseTo(ces[2], within(EPS));
        double[] csat = ReferenceScores.csat(raws);
        assertThat(scores.getInt("csat.n")).isEqualTo((int) csat[0]);
        assertThat(scores.getDouble("csat.mean")).isCloseTo(csat[1], within(EPS));
        assertThat(scores.getDouble("csat.csat")).isCloseTo(csat[2], within(EPS));

        JsonPath summary = api.scores(org, "summary");
        assertThat(summary.getDouble("serviceproof.overall")).isCloseTo(ReferenceScores.overall(raws), within(EPS));
        assertThat(summary.getDouble("serviceproof.nps")).isCloseTo(nps[4], within(EPS));

        // the neighbour's key does not reach this organisation's scores
        api.withKey(neighbour.readKey()).when().get(api.dashboard(org) + "/serviceproof").then().statusCode(403);
    }

    @Test
    void everyServiceExposesTheMetricsOfTheSpec() {
        assertThat(api.metrics("survey")).contains("voc_responses_accepted_total{instrument=\"SERVICEPROOF\"}")
                .contains("voc_responses_rejected_total{reason=\"validation\"}")
                .contains("voc_responses_rejected_total{reason=\"broker_unavailable\"}");
        assertThat(api.metrics("scoring")).contains("voc_responses_applied_total{instrument=\"SERVICEPROOF\"}")
                .contains("voc_responses_duplicate_total").contains("voc_responses_retracted_total")
                .contains("voc_dead_letters_total").contains("voc_scoring_batch_size_count")
                .contains("voc_scoring_freshness_seconds_count")
                .as("a bucket at the freshness objective of 1 s").contains("voc_scoring_freshness_seconds_bucket{le=\"1.0\"}");
        assertThat(api.metrics("dashboard")).as("the alert inbox's dead letters").contains("voc_dead_letters_total");
        for (String service : Platform.SERVICES) {
            assertThat(api.metrics(service)).as(service).contains("jvm_memory_used_bytes")
                    .contains("http_server_active_requests").contains("kafka_app_info_start_time_ms");
            api.given().when().get(platform.url(service) + "/q/openapi").then().statusCode(200);
            api.given().when().get(platform.url(service) + "/q/health/live").then().statusCode(200);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static Raw randomResponse(Random random) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        double attitude = random.nextGaussian();
        for (String aspect : ReferenceScores.ASPECTS) {
            if (random.nextDouble() >= 0.15) {
                answers.put(aspect, (int) Math.max(1, Math.min(5, Math.round(3.3 + attitude + random.nextGaussian() * 0.7))));
            }
        }
        if (answers.isEmpty()) {
            answers.put("VALUE", 1 + random.nextInt(5));
        }
        Integer recommend = random.nextDouble() < 0.8 ? random.nextInt(11) : null;
        Integer effort = random.nextDouble() < 0.7 ? 1 + random.nextInt(7) : null;
        Integer satisfaction = random.nextDouble() < 0.7 ? 1 + random.nextInt(5) : null;
        return new Raw(answers, recommend, effort, satisfaction);
    }

    static Map<String, Object> body(Raw raw, Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseId", UUID.randomUUID().toString());
        body.put("instrument", "SERVICEPROOF");
        body.put("answeredAt", Instant.now().minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES).toString());
        body.put("channel", List.of("PHONE", "EMAIL", "CHAT", "WEB", "STORE").get(random.nextInt(5)));
        Map<String, Object> answers = new LinkedHashMap<>(raw.answers());
        if (random.nextBoolean()) {
            // an explicit "not applicable" is the same as leaving the aspect out
            ReferenceScores.ASPECTS.stream().filter(a -> !raw.answers().containsKey(a)).findFirst()
                    .ifPresent(a -> answers.put(a, null));
        }
        body.put("answers", answers);
        if (raw.recommend() != null) {
            body.put("recommend", raw.recommend());
        }
        if (raw.effort() != null) {
            body.put("effort", raw.effort());
        }
        if (raw.satisfaction() != null) {
            body.put("satisfaction", raw.satisfaction());
        }
        return body;
    }
}
