package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.vocmonitor.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing counted twice: a scoring crash between the database commit and the offset commit,
 * a broker outage under load, and two scoring instances sharing the partitions.
 */
@SystemTest
class FailureIT {

    private static final double EPS = 1e-9;
    private static final String SCORING_GROUP = "voc-scoring";

    private Platform platform;
    private Api api;

    @Test
    void aCrashBetweenTheDatabaseCommitAndTheOffsetCommitChangesNothing() throws Exception {
        // start from a group that has committed everything, so that what is redelivered is this test's
        await().atMost(Duration.ofSeconds(30)).until(() -> uncommittedRecords() == 0);
        Api.Org org = api.register("crash");
        Random random = new Random(61);
        List<ReferenceScores.Raw> raws = new ArrayList<>();
        api.batch(org, randomBodies(200, random, raws));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 200);

        // at once: the applied batches' offsets are committed only every few seconds
        long uncommitted = uncommittedRecords();
        platform.kill("scoring");
        platform.launch("scoring");
        platform.awaitReady("scoring");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.metric("scoring", "voc_responses_duplicate_total") >= uncommitted);

        assertThat(api.scores(org, "summary").getInt("serviceproof.responses")).isEqualTo(200);
        assertThat(api.scores(org, "serviceproof").getDouble("overall")).isCloseTo(ReferenceScores.overall(raws), within(EPS));
        assertThat(api.metric("scoring", "voc_responses_applied_total")).as("applied again after the restart").isZero();
    }

    @Test
    void aBrokerOutageIsA503WithinFiveSecondsAndNothingAcceptedIsLost() throws Exception {
        Api.Org org = api.register("outage");
        String submit = api.survey(org) + "/responses";
        String one = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}";
        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            api.post(org, one, 202);
            accepted++;
        }

        platform.stopBroker();
        try {
            long started = System.nanoTime();
            api.post(org, one, 503).header("Retry-After", "5");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5500));

            // a crowd during the outage is answered quickly and keeps no thread pool busy
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> crowd = new ArrayList<>();
            long crowdStarted = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                crowd.add(http.sendAsync(HttpRequest.newBuilder(URI.create(submit)).header("X-Api-Key", org.ingestKey())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(one)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(crowd.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Map<Integer, Integer> statuses = new HashMap<>();
            crowd.forEach(f -> statuses.merge(f.join().statusCode(), 1, Integer::sum));
            assertThat(statuses).containsOnlyKeys(503);
            assertThat(Duration.ofNanos(System.nanoTime() - crowdStarted)).isLessThan(Duration.ofSeconds(10));
            api.given().when().get(platform.url("survey") + "/q/health/live").then().statusCode(200);
            api.given().when().get(platform.url("survey") + "/q/health/ready").then().statusCode(503);
            // the dashboard still answers from the database, but says it is not ready, as SPEC §5 asks
            api.given().when().get(platform.url("dashboard") + "/q/health/live").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.given().when()
                    .get(platform.url("dashboard") + "/q/health/ready").then().extract().statusCode() == 503);
        } finally {
            platform.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.withKey(org.ingestKey()).contentType(ContentType.JSON).body(one).when().post(submit)
                        .then().extract().statusCode() == 202);
        accepted++;
        for (int i = 0; i < 20; i++) {
            api.post(org, one, 202);
            accepted++;
        }
        for (String service : Platform.SERVICES) {
            platform.awaitReady(service);
        }
        int expected = accepted;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == expected);
    }

    @Test
    void twoScoringInstancesShareThePartitionsAndGiveTheSameNumbersAsOne() throws Exception {
        Random random = new Random(17);
        platform.launch("scoring-2");
        platform.awaitReady("scoring-2");
        List<Api.Org> orgs = new ArrayList<>();
        for (int o = 0; o < 12; o++) {
            orgs.add(api.register("scale"));
        }
        Map<Api.Org, List<ReferenceScores.Raw>> posted = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (Api.Org org : orgs) {
                api.batch(org, randomBodies(25, random, posted.computeIfAbsent(org, k -> new ArrayList<>())));
            }
            if (round == 1) {
                // a rebalance in the middle of the stream: the second instance dies, its partitions move back
                assertThat(platform.log("scoring-2")).as("the second instance took partitions").contains("voc.responses-");
                platform.kill("scoring-2");
            }
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> orgs.stream()
                .allMatch(org -> api.scores(org, "summary").getInt("serviceproof.responses") == posted.get(org).size()));
        for (Api.Org org : orgs) {
            assertThat(api.scores(org, "serviceproof").getDouble("overall"))
                    .isCloseTo(ReferenceScores.overall(posted.get(org)), within(EPS));
        }
    }

    /** Random ServiceProof responses to post; what each one answers is added to {@code raws}. */
    private static List<Map<String, Object>> randomBodies(int count, Random random, List<ReferenceScores.Raw> raws) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ReferenceScores.Raw raw = EndToEndIT.randomResponse(random);
            raws.add(raw);
            bodies.add(EndToEndIT.body(raw, random));
        }
        return bodies;
    }

    /** How many records of voc.responses the scoring group has consumed but not committed. */
    private long uncommittedRecords() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SCORING_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < Topics.LOCAL_PARTITIONS.get(Topics.RESPONSES); partition++) {
                latest.put(new TopicPartition(Topics.RESPONSES, partition), OffsetSpec.latest());
            }
            long behind = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return behind;
        }
    }
}
