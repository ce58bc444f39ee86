package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.system.RecoveryReference.Raw;
import io.vocmonitor.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Service Recovery Proof end to end: responses in through the batch endpoint and a CSV import, with repeats;
 * SPEC §2.2 numbers out; retractions of both instruments subtract exactly; every broken or weakened
 * relationship and every commenting detractor appears once in the alert inbox; a poison record is parked.
 */
@SystemTest
class RecoveryEndToEndIT {

    private static final double EPS = 1e-9;
    private static final List<String> OUTCOMES = List.of("STRENGTHENED", "FLATTENED", "WEAKENED", "BROKEN");

    private Platform platform;
    private Api api;

    @Test
    void recoveryScoresRetractionsAndAlertsAreExact() throws Exception {
        Api.Org org = api.register("recovery");
        Random random = new Random(4242);

        // 240 recovery responses in batches of 80, 120 from a CSV file; 150 ServiceProof responses
        List<Raw> recovery = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Raw raw = randomRecovery(random);
            recovery.add(raw);
            batch.add(body(raw, random));
            if (batch.size() == 80) {
                assertThat(api.batch(org, batch).getInt("accepted")).isEqualTo(80);
                batch.clear();
            }
        }
        List<Raw> imported = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            imported.add(randomRecovery(random));
        }
        JsonPath importResult = api.importCsv(org, csv(imported));
        assertThat(importResult.getInt("accepted")).isEqualTo(120);
        recovery.addAll(imported);
        Map<String, ReferenceScores.Raw> serviceProof = new LinkedHashMap<>();
        Map<String, Map<String, Object>> serviceProofBodies = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            ReferenceScores.Raw raw = EndToEndIT.randomResponse(random);
            Map<String, Object> body = EndToEndIT.body(raw, random);
            if (raw.recommend() != null && raw.recommend() <= 6 && random.nextBoolean()) {
                body.put("comment", "Not good enough.");
            }
            serviceProof.put((String) body.get("responseId"), raw);
            serviceProofBodies.put((String) body.get("responseId"), body);
        }
        assertThat(api.batch(org, List.copyOf(serviceProofBodies.values())).getInt("accepted")).isEqualTo(150);

        // repeats: part of a batch again, and single posts
        List<Map<String, Object>> repeats = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            repeats.add(body(recovery.get(random.nextInt(recovery.size())), random));
        }
        api.batch(org, repeats);
        for (int i = 0; i < 5; i++) {
            api.post(org, body(recovery.get(random.nextInt(recovery.size())), random), 202);
        }

        awaitCounts(org, 360, 150);
        assertRecoveryScores(api.scores(org, "recovery"), recovery);
        assertThat(api.scores(org, "summary").getString("recovery.indicator"))
                .isEqualTo(RecoveryReference.indicator(RecoveryReference.rii(recovery)[0]));
        assertAlerts(org, recovery, serviceProof, serviceProofBodies);

        // retract a dozen responses of both instruments, one twice, and one that never existed
        List<Raw> retractedRecovery = new ArrayList<>(recovery.subList(0, 3));
        retractedRecovery.addAll(recovery.stream().filter(r -> r.relationship().equals("BROKEN")).limit(3).toList());
        List<String> retractedServiceProof = List.copyOf(serviceProof.keySet()).subList(10, 16);
        retractedRecovery.forEach(r -> api.retract(org, r.responseId()));
        retractedServiceProof.forEach(id -> api.retract(org, id));
        api.retract(org, retractedServiceProof.get(0));
        api.retract(org, UUID.randomUUID().toString());
        List<Raw> remaining = recovery.stream().filter(r -> !retractedRecovery.contains(r)).toList();
        retractedServiceProof.forEach(serviceProof::remove);
        retractedServiceProof.forEach(serviceProofBodies::remove);

        awaitCounts(org, remaining.size(), serviceProof.size());
        assertRecoveryScores(api.scores(org, "recovery"), remaining);
        JsonPath proof = api.scores(org, "serviceproof");
        assertThat(proof.getDouble("overall")).isCloseTo(ReferenceScores.overall(List.copyOf(serviceProof.values())), within(EPS));
        for (String aspect : ReferenceScores.ASPECTS) {
            ReferenceScores.Aspect expected = ReferenceScores.aspect(List.copyOf(serviceProof.values()), aspect);
            assertThat(proof.getInt("aspects." + aspect + ".n")).isEqualTo(expected.n());
            assertThat(proof.getDouble("aspects." + aspect + ".sd")).isCloseTo(expected.sd(), within(EPS));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertAlerts(org, remaining, serviceProof, serviceProofBodies));
    }

    @Test
    void aRedeliveredResponseChangesNothingAndAPoisonRecordIsParked() throws Exception {
        Api.Org org = api.register("redelivery");
        Random random = new Random(99);
        List<Raw> recovery = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Raw raw = randomRecovery(random);
            recovery.add(raw);
            bodies.add(body(raw, random));
        }
        Raw broken = new Raw(UUID.randomUUID().toString(), Map.of("RESOLUTION", 1), "BROKEN", 1, 0, 1, 1, "Gone.");
        recovery.add(broken);
        bodies.add(body(broken, random));
        api.batch(org, bodies);
        awaitCounts(org, 21, 0);

        try (TopicProbe dlq = new TopicProbe(platform.kafkaBootstrap(), Topics.RESPONSES_DLQ)) {
            // the broker hands the same event over again, as after a consumer crash; then a record nobody can read
            ResponseSubmitted again = ResponseSubmitted.builder()
                    .responseId(UUID.fromString(broken.responseId()))
                    .organisationId(org.id())
                    .instrument(Instrument.SERVICE_RECOVERY)
                    .answeredAt(Instant.now().minus(1, ChronoUnit.HOURS))
                    .receivedAt(Instant.now())
                    .channel(Channel.PHONE)
                    .answer("RESOLUTION", 1)
                    .relationship(RelationshipOutcome.BROKEN)
                    .comment("Gone.")
                    .build();
            TopicProbe.produce(platform.kafkaBootstrap(), Topics.RESPONSES, org.id(), EventCodec.encode(again));
            TopicProbe.produce(platform.kafkaBootstrap(), Topics.RESPONSES, org.id(), "{\"schemaVersion\": 1, \"type\": \"Nonsense\"}");
            Raw marker = randomRecovery(random);
            api.post(org, body(marker, random), 202);
            recovery.add(marker);

            awaitCounts(org, 22, 0);
            List<ConsumerRecord<String, String>> parked = dlq.poll(1, Duration.ofSeconds(20));
            assertThat(parked).extracting(ConsumerRecord::key).contains(org.id());
            assertThat(new String(parked.get(0).headers().lastHeader("voc-dlq-reason").value(), StandardCharsets.UTF_8))
                    .isEqualTo("unknown-type");
        }
        assertRecoveryScores(api.scores(org, "recovery"), recovery);
        List<String> brokenAlerts = allAlerts(org, "kind=RELATIONSHIP_BROKEN").stream()
                .map(a -> (String) a.get("responseId")).filter(broken.responseId()::equals).toList();
        assertThat(brokenAlerts).hasSize(1);
    }

    // --- checks ----------------------------------------------------------------------------------------------

    private void awaitCounts(Api.Org org, int recovery, int serviceProof) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath summary = api.scores(org, "summary");
            return summary.getInt("recovery.responses") == recovery
                    && summary.getInt("serviceproof.responses") == serviceProof;
        });
    }

    private static void assertRecoveryScores(JsonPath scores, List<Raw> raws) {
        assertThat(scores.getInt("responses")).isEqualTo(raws.size());
        assertThat(scores.getBoolean("sufficient")).isTrue();
        for (String name : RecoveryReference.DRIVERS) {
            RecoveryReference.Driver expected = RecoveryReference.driver(raws, name);
            String path = "drivers." + name;
            assertThat(scores.getInt(path + ".n")).as(path).isEqualTo(expected.n());
            assertThat(scores.getDouble(path + ".mean")).as(path + ".mean").isCloseTo(expected.mean(), within(EPS));
            assertThat(scores.getDouble(path + ".sd")).as(path + ".sd").isCloseTo(expected.sd(), within(EPS));
            assertThat(scores.getDouble(path + ".ci95.low")).isCloseTo(expected.low(), within(EPS));
            assertThat(scores.getDouble(path + ".ci95.high")).isCloseTo(expected.high(), within(EPS));
            assertThat(scores.getDouble(path + ".importance")).as(path + ".importance")
                    .isCloseTo(expected.importance(), within(EPS));
            assertThat(scores.getDouble(path + ".priority")).as(path + ".priority")
                    .isCloseTo(expected.priority(), within(EPS));
        }
        assertThat(scores.getList("keyDrivers")).isEqualTo(RecoveryReference.keyDrivers(raws));
        Map<String, Integer> counts = RecoveryReference.counts(raws);
        for (String outcome : OUTCOMES) {
            assertThat(scores.getInt("relationship.counts." + outcome)).isEqualTo(counts.get(outcome));
            assertThat(scores.getDouble("relationship.shares." + outcome))
                    .isCloseTo((double) counts.get(outcome) / raws.size(), within(EPS));
        }
        assertThat(scores.getDouble("relationship.nri")).isCloseTo(RecoveryReference.nri(raws), within(EPS));
        double[] rii = RecoveryReference.rii(raws);
        assertThat(scores.getDouble("relationship.rii")).isCloseTo(rii[0], within(EPS));
        assertThat(scores.getDouble("relationship.ci95.low")).isCloseTo(rii[1], within(EPS));
        assertThat(scores.getDouble("relationship.ci95.high")).isCloseTo(rii[2], within(EPS));
        assertThat(scores.getString("relationship.indicator")).isEqualTo(RecoveryReference.indicator(rii[0]));
        double[] brand = RecoveryReference.brandEffect(raws);
        assertThat(scores.getInt("brandEffect.n")).isEqualTo((int) brand[0]);
        assertThat(scores.getDouble("brandEffect.mean")).isCloseTo(brand[1], within(EPS));
        List<ReferenceScores.Raw> optional = raws.stream()
                .map(r -> new ReferenceScores.Raw(Map.of(), r.recommend(), r.effort(), r.satisfaction())).toList();
        double[] nps = ReferenceScores.nps(optional);
        assertThat(scores.getInt("nps.n")).isEqualTo((int) nps[0]);
        assertThat(scores.getDouble("nps.nps")).isCloseTo(nps[4], within(EPS));
        assertThat(scores.getDouble("ces.mean")).isCloseTo(ReferenceScores.ces(optional)[1], within(EPS));
        assertThat(scores.getDouble("csat.csat")).isCloseTo(ReferenceScores.csat(optional)[2], within(EPS));
    }

    /** The inbox holds exactly one alert per qualifying response, of the right kind. */
    private void assertAlerts(Api.Org org, List<Raw> recovery, Map<String, ReferenceScores.Raw> serviceProof,
            Map<String, Map<String, Object>> serviceProofBodies) {
        Map<String, String> expected = new HashMap<>();
        for (Raw r : recovery) {
            if (r.relationship().equals("BROKEN")) {
                expected.put(r.responseId(), "RELATIONSHIP_BROKEN");
            } else if (r.relationship().equals("WEAKENED")) {
                expected.put(r.responseId(), "RELATIONSHIP_WEAKENED");
            } else if (r.recommend() != null && r.recommend() <= 6 && r.comment() != null) {
                expected.put(r.responseId(), "DETRACTOR_COMMENT");
            }
        }
        serviceProofBodies.forEach((id, body) -> {
            ReferenceScores.Raw raw = serviceProof.get(id);
            if (raw.recommend() != null && raw.recommend() <= 6 && body.get("comment") != null) {
                expected.put(id, "DETRACTOR_COMMENT");
            }
        });
        List<Map<String, Object>> alerts = allAlerts(org, "");
        Map<String, String> actual = alerts.stream()
                .collect(Collectors.toMap(a -> (String) a.get("responseId"), a -> (String) a.get("kind")));
        assertThat(alerts).hasSize(actual.size());
        assertThat(actual).isEqualTo(expected);
    }

    private List<Map<String, Object>> allAlerts(Api.Org org, String filter) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "limit=50" + (filter.isEmpty() ? "" : "&" + filter) + (cursor == null ? "" : "&cursor=" + cursor);
            JsonPath page = api.scores(org, "alerts?" + query);
            all.addAll(page.getList("alerts"));
            cursor = page.getString("next");
        } while (cursor != null);
        return all;
    }

    // --- data ------------------------------------------------------------------------------------------------

    /** A recovery response whose drivers lean with the outcome, as real ones do. */
    private static Raw randomRecovery(Random random) {
        String outcome = OUTCOMES.get(random.nextInt(OUTCOMES.size()));
        int impact = RecoveryReference.IMPACT.get(outcome);
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String driver : RecoveryReference.DRIVERS) {
            if (random.nextDouble() < 0.85) {
                double lean = driver.equals("RESOLUTION") ? 1.2 : driver.equals("LEARNING") ? 0.2 : 0.7;
                answers.put(driver, (int) Math.max(1, Math.min(5, Math.round(3.5 + lean * impact + random.nextGaussian()))));
            }
        }
        Integer recommend = random.nextDouble() < 0.8 ? random.nextInt(11) : null;
        String comment = random.nextDouble() < 0.4 ? "Comment, with a comma and \"quotes\"" : null;
        return new Raw(UUID.randomUUID().toString(), answers, outcome,
                random.nextDouble() < 0.7 ? 1 + random.nextInt(5) : null, recommend,
                random.nextDouble() < 0.6 ? 1 + random.nextInt(7) : null,
                random.nextDouble() < 0.6 ? 1 + random.nextInt(5) : null, comment);
    }

    private static Map<String, Object> body(Raw raw, Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseId", raw.responseId());
        body.put("instrument", "SERVICE_RECOVERY");
        body.put("answeredAt", Instant.now().minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES).toString());
        body.put("channel", "PHONE");
        body.put("touchpoint", "claims");
        body.put("answers", raw.answers());
        body.put("relationship", raw.relationship());
        putIfPresent(body, "brandEffect", raw.brandEffect());
        putIfPresent(body, "recommend", raw.recommend());
        putIfPresent(body, "effort", raw.effort());
        putIfPresent(body, "satisfaction", raw.satisfaction());
        putIfPresent(body, "comment", raw.comment());
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String csv(List<Raw> raws) {
        StringBuilder csv = new StringBuilder("responseId,instrument,channel," + String.join(",", RecoveryReference.DRIVERS)
                + ",brandEffect,relationship,recommend,effort,satisfaction,comment\n");
        for (Raw r : raws) {
            csv.append(r.responseId()).append(",SERVICE_RECOVERY,EMAIL");
            for (String driver : RecoveryReference.DRIVERS) {
                csv.append(',').append(cell(r.answers().get(driver)));
            }
            csv.append(',').append(cell(r.brandEffect())).append(',').append(r.relationship())
                    .append(',').append(cell(r.recommend())).append(',').append(cell(r.effort()))
                    .append(',').append(cell(r.satisfaction()))
                    .append(',').append(r.comment() == null ? "" : "\"" + r.comment().replace("\"", "\"\"") + "\"")
                    .append('\n');
        }
        return csv.toString();
    }

    private static String cell(Integer value) {
        return value == null ? "" : value.toString();
    }
}
