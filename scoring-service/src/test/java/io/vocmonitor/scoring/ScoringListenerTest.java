package io.vocmonitor.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.ItemSums;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.events.Topics;
import io.vocmonitor.runtime.consumer.DeadLetterChannel;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_scoring"))
class ScoringListenerTest {

    private static final Instant DAY_1 = Instant.parse("2026-11-20T10:15:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-11-21T23:59:59Z");

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void responsesAreSummedIntoTheirDayAndChannelBuckets() throws SQLException {
        String org = organisation("sums");
        // SENSING 5, 4, 2 on day 1 by phone → scores 2, 1, −1; one more on day 2 by e-mail
        submit(serviceProof(org, DAY_1, Channel.PHONE, Map.of("SENSING", 5, "VALUE", 3), 10));
        submit(serviceProof(org, DAY_1, Channel.PHONE, Map.of("SENSING", 4), 6));
        submit(serviceProof(org, DAY_1, Channel.PHONE, Map.of("SENSING", 2), null));
        submit(serviceProof(org, DAY_2, Channel.EMAIL, Map.of("SENSING", 1), 8));

        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-21", "EMAIL", "RESPONSES") != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-20", "PHONE", "RESPONSES").get("n") == 3);

        Map<String, Long> sensing = bucket(org, "2026-11-20", "PHONE", "SENSING");
        assertThat(sensing).containsEntry("n", 3L).containsEntry("sum_x", 2L).containsEntry("sum_x2", 6L)
                .containsEntry("count_2", 1L).containsEntry("count_4", 1L).containsEntry("count_5", 1L)
                .containsEntry("count_1", 0L).containsEntry("count_3", 0L).containsEntry("sum_xy", 0L);
        assertThat(bucket(org, "2026-11-20", "PHONE", "VALUE")).containsEntry("n", 1L).containsEntry("sum_x", 0L)
                .containsEntry("count_3", 1L);
        assertThat(bucket(org, "2026-11-20", "PHONE", "RECOMMEND")).containsEntry("n", 2L).containsEntry("sum_x", 16L)
                .containsEntry("sum_x2", 136L).containsEntry("count_10", 1L).containsEntry("count_6", 1L);
        assertThat(bucket(org, "2026-11-21", "EMAIL", "SENSING")).containsEntry("n", 1L).containsEntry("sum_x", -2L);
    }

    @Test
    void scanAnswersAreSummedAsPointsInTheirRoleAndUnitBucketWithNotApplicableOnlyCounted() throws SQLException {
        String org = organisation("scan");
        ResponseSubmitted first = scan(org, ScanRole.MANAGER, " Contact  Centre", Map.of("DESIGN_1", 3, "LOYAL_CUSTOMERS_1", 5),
                "DESIGN_2");
        ResponseSubmitted second = scan(org, ScanRole.MANAGER, "contact centre", Map.of("DESIGN_1", 1), "DESIGN_2");
        ResponseSubmitted retracted = scan(org, ScanRole.MANAGER, "Contact Centre", Map.of("DESIGN_1", 0), null);
        ResponseSubmitted noRole = scan(org, null, null, Map.of("DESIGN_1", 0), null);
        submit(first);
        submit(second);
        submit(retracted);
        send(org, EventCodec.encode(ResponseRetracted.of(retracted.responseId(), org, Instant.now())));
        submit(noRole);

        await().atMost(Duration.ofSeconds(20)).until(() -> scanBucket(org, "", "") != null);
        ScoreSums manager = scanBucket(org, "MANAGER", "contact centre");
        assertThat(manager.responses()).isEqualTo(2);
        ItemSums design1 = manager.get("DESIGN_1");
        assertThat(design1.n()).isEqualTo(2);
        assertThat(design1.sumX()).isEqualTo(4);
        assertThat(design1.sumX2()).isEqualTo(10);
        assertThat(design1.count(3)).isEqualTo(1);
        assertThat(design1.count(1)).isEqualTo(1);
        assertThat(design1.count(0)).isZero();
        ItemSums design2 = manager.get("DESIGN_2");
        assertThat(design2.n()).isZero();
        assertThat(design2.sumX()).isZero();
        assertThat(design2.count(ItemSums.NOT_APPLICABLE_SLOT)).isEqualTo(2);
        assertThat(manager.get("LOYAL_CUSTOMERS_1").count(5)).isEqualTo(1);
        assertThat(scanBucket(org, "", "").get("DESIGN_1").count(0)).isEqualTo(1);
    }

    @Test
    void aRepeatedResponseIsCountedOnce() throws SQLException {
        String org = organisation("dupes");
        ResponseSubmitted response = serviceProof(org, DAY_1, Channel.WEB, Map.of("EMPATHY", 5), null);
        double duplicatesBefore = metric("voc_responses_duplicate_total");

        submit(response);
        submit(response);
        submit(serviceProof(org, DAY_1, Channel.WEB, Map.of("EMPATHY", 1), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-20", "WEB", "RESPONSES") != null
                && bucket(org, "2026-11-20", "WEB", "RESPONSES").get("n") == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("voc_responses_duplicate_total") >= duplicatesBefore + 1);
        assertThat(bucket(org, "2026-11-20", "WEB", "EMPATHY")).containsEntry("n", 2L).containsEntry("sum_x", 0L);
        assertThat(ledgerCount(org)).isEqualTo(2);
    }

    @Test
    void eachAppliedBatchAnnouncesANewScoreVersion() {
        String org = organisation("versions");
        try (TopicProbe updates = new TopicProbe(kafka, Topics.SCORE_UPDATES)) {
            submit(serviceProof(org, DAY_1, Channel.CHAT, Map.of("VALUE", 4), null));
            List<ScoreUpdate> first = awaitUpdates(updates, org, 1);
            submit(serviceProof(org, DAY_1, Channel.CHAT, Map.of("VALUE", 2), null));
            List<ScoreUpdate> both = awaitUpdates(updates, org, 2);

            assertThat(first.get(0).instrument()).isEqualTo(Instrument.SERVICEPROOF);
            assertThat(both.get(1).version()).isGreaterThan(both.get(0).version());
        }
    }

    @Test
    void aRetractionSubtractsExactlyAndOneBeforeItsResponseKeepsItOut() throws SQLException {
        String org = organisation("retract");
        ResponseSubmitted kept = serviceProof(org, DAY_1, Channel.STORE, Map.of("COMMITMENT", 5), 9);
        ResponseSubmitted removed = serviceProof(org, DAY_1, Channel.STORE, Map.of("COMMITMENT", 1, "VALUE", 2), 3);
        ResponseSubmitted early = serviceProof(org, DAY_1, Channel.STORE, Map.of("COMMITMENT", 4), 7);

        submit(kept);
        submit(removed);
        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-20", "STORE", "RESPONSES") != null
                && bucket(org, "2026-11-20", "STORE", "RESPONSES").get("n") == 2);

        send(org, EventCodec.encode(ResponseRetracted.of(removed.responseId(), org, Instant.now())));
        send(org, EventCodec.encode(ResponseRetracted.of(early.responseId(), org, Instant.now())));
        submit(early);
        submit(removed);
        ResponseSubmitted marker = serviceProof(org, DAY_2, Channel.STORE, Map.of("VALUE", 5), null);
        submit(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-21", "STORE", "RESPONSES") != null);

        assertThat(bucket(org, "2026-11-20", "STORE", "RESPONSES")).containsEntry("n", 1L);
        assertThat(bucket(org, "2026-11-20", "STORE", "COMMITMENT")).containsEntry("n", 1L).containsEntry("sum_x", 2L)
                .containsEntry("sum_x2", 4L).containsEntry("count_1", 0L).containsEntry("count_5", 1L);
        assertThat(bucket(org, "2026-11-20", "STORE", "VALUE")).containsEntry("n", 0L).containsEntry("count_2", 0L);
        assertThat(bucket(org, "2026-11-20", "STORE", "RECOMMEND")).containsEntry("n", 1L).containsEntry("sum_x", 9L);
        assertThat(archivedPayloads(org)).hasSize(2).noneMatch(p -> p.contains(removed.responseId().toString()));
    }

    @Test
    void anUnreadableRecordIsParkedAndTheNextOnesApply() throws SQLException {
        String org = organisation("poison");
        double before = metric("voc_dead_letters_total");
        try (TopicProbe dlq = new TopicProbe(kafka, Topics.RESPONSES_DLQ)) {
            send(org, "this is not json");
            send(org, "{\"schemaVersion\": 1, \"type\": \"ResponseSubmitted\", \"responseId\": \""
                    + UUID.randomUUID() + "\", \"organisationId\": \"" + org + "\", \"instrument\": \"SERVICEPROOF\"}");
            submit(serviceProof(org, DAY_1, Channel.SOCIAL, Map.of("ENGAGEMENT", 3), null));

            List<ConsumerRecord<String, String>> parked = dlq.poll(2, Duration.ofSeconds(20));
            assertThat(parked).hasSize(2);
            assertThat(header(parked.get(0), DeadLetterChannel.REASON_HEADER)).isEqualTo("not-json");
            assertThat(parked.get(0).value()).isEqualTo("this is not json");
            assertThat(header(parked.get(1), DeadLetterChannel.REASON_HEADER)).isEqualTo("invalid");
            assertThat(header(parked.get(1), DeadLetterChannel.DETAIL_HEADER)).contains("answeredAt");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> bucket(org, "2026-11-20", "SOCIAL", "RESPONSES") != null);
        assertThat(metric("voc_dead_letters_total")).isEqualTo(before + 2);
    }

    @Test
    void theMetricsOfTheSpecAreExposed() {
        String org = organisation("metrics");
        submit(serviceProof(org, DAY_1, Channel.OTHER, Map.of("SENSING", 3), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> metric("voc_scoring_freshness_seconds_count") > 0);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("voc_responses_applied_total{instrument=\"SERVICEPROOF\"}")
                .contains("voc_responses_duplicate_total")
                .contains("voc_responses_retracted_total")
                .contains("voc_dead_letters_total")
                .contains("voc_scoring_batch_size_count")
                .contains("voc_scoring_freshness_seconds_bucket");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String organisation(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ResponseSubmitted serviceProof(String org, Instant answeredAt, Channel channel,
            Map<String, Integer> answers, Integer recommend) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(answeredAt)
                .receivedAt(Instant.now())
                .channel(channel)
                .recommend(recommend);
        answers.forEach(builder::answer);
        return builder.build();
    }

    private static ResponseSubmitted scan(String org, ScanRole role, String unit, Map<String, Integer> points,
            String notApplicable) {
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId(org)
                .instrument(Instrument.SERVICE_EXCELLENCE_SCAN).answeredAt(DAY_1).receivedAt(Instant.now())
                .role(role).unit(unit);
        points.forEach(builder::answer);
        if (notApplicable != null) {
            builder.notApplicable(notApplicable);
        }
        return builder.build();
    }

    /** The sums of the organisation's scan bucket of a role and unit segment; null when there is none. */
    private ScoreSums scanBucket(String org, String role, String unit) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("SELECT sums FROM scoring.bucket WHERE organisation_id = ? "
                     + "AND instrument = 'SERVICE_EXCELLENCE_SCAN' AND channel = ? AND touchpoint = ?")) {
            s.setString(1, org);
            s.setString(2, role);
            s.setString(3, unit);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? BucketLayout.of(Instrument.SERVICE_EXCELLENCE_SCAN).decode(longs(rows.getArray(1)))
                        : null;
            }
        }
    }

    private void submit(ResponseSubmitted response) {
        send(response.organisationId(), EventCodec.encode(response));
    }

    private void send(String key, String value) {
        TopicProbe.produce(kafka, Topics.RESPONSES, key, value);
    }

    private List<ScoreUpdate> awaitUpdates(TopicProbe probe, String org, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> probe.poll(0, Duration.ofMillis(200)).stream()
                .filter(r -> org.equals(r.key()))
                .map(r -> {
                    try {
                        return EventCodec.decodeScoreUpdate(r.value());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList(), updates -> updates.size() >= count);
    }

    /** An item's sums in the organisation's buckets of a day and channel, by their old column names; null when no bucket. */
    private Map<String, Long> bucket(String org, String day, String channel, String item) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("SELECT instrument, sums FROM scoring.bucket "
                     + "WHERE organisation_id = ? AND day = ?::date AND channel = ?")) {
            s.setString(1, org);
            s.setString(2, day);
            s.setString(3, channel);
            ScoreSums sums = null;
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ScoreSums row = BucketLayout.of(Instrument.valueOf(rows.getString(1)))
                            .decode(longs(rows.getArray(2)));
                    sums = sums == null ? row : sums.plus(row);
                }
            }
            if (sums == null) {
                return null;
            }
            ItemSums itemSums = sums.get(item);
            Map<String, Long> columns = new HashMap<>(Map.of("n", itemSums.n(), "sum_x", itemSums.sumX(),
                    "sum_x2", itemSums.sumX2(), "sum_y", itemSums.sumY(), "sum_y2", itemSums.sumY2(),
                    "sum_xy", itemSums.sumXY()));
            for (int slot = 0; slot < ItemSums.COUNT_SLOTS; slot++) {
                columns.put("count_" + slot, itemSums.count(slot));
            }
            return columns;
        }
    }

    private long ledgerCount(String org) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM scoring.response WHERE organisation_id = ?")) {
            s.setString(1, org);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<String> archivedPayloads(String org) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement(
                     "SELECT payload::text FROM scoring.response WHERE organisation_id = ? AND payload IS NOT NULL")) {
            s.setString(1, org);
            try (ResultSet rows = s.executeQuery()) {
                List<String> payloads = new java.util.ArrayList<>();
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
                return payloads;
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static double metric(String series) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " ") || line.startsWith(series + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A {@code bigint[]} column's values. */
    static long[] longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).mapToLong(Long::longValue).toArray();
    }
}
