package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What dashboards poll and stream, end to end: any selection of days, channels and a touchpoint answers the
 * numbers of exactly those raw responses; trends per ISO week do too; a poll with a current ETag is a 304
 * until a response changes the scores; a stream announces each change within a second.
 */
@SystemTest
class LiveDashboardIT {

    private static final double EPS = 1e-9;
    private static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "CHAT", "WEB");
    private static final List<String> TOUCHPOINTS = List.of("Billing", " billing ", "Delivery", "Returns");

    private Api api;

    /** A posted response with what decides its buckets. */
    private record Posted(LocalDate day, String channel, String touchpoint, ReferenceScores.Raw serviceProof,
            RecoveryReference.Raw recovery) {
    }

    @Test
    void selectionsAndTrendsEqualTheRawResponsesTheyCover() {
        Api.Org org = api.register("live");
        Random random = new Random(2026);
        Instant now = Instant.now();
        List<Posted> posted = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Instant answeredAt = now.minus(random.nextInt(80 * 24 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            Map<String, Object> body;
            Posted entry;
            if (i % 3 == 2) {
                RecoveryReference.Raw raw = randomRecovery(random);
                body = new LinkedHashMap<>(Map.of("responseId", raw.responseId(), "instrument", "SERVICE_RECOVERY",
                        "answers", raw.answers(), "relationship", raw.relationship()));
                entry = new Posted(LocalDate.ofInstant(answeredAt, ZoneOffset.UTC), channel, touchpoint, null, raw);
            } else {
                ReferenceScores.Raw raw = EndToEndIT.randomResponse(random);
                body = EndToEndIT.body(raw, random);
                entry = new Posted(LocalDate.ofInstant(answeredAt, ZoneOffset.UTC), channel, touchpoint, raw, null);
            }
            body.put("answeredAt", answeredAt.toString());
            body.put("channel", channel);
            body.put("touchpoint", touchpoint);
            batch.add(body);
            posted.add(entry);
            if (batch.size() == 200) {
                assertThat(api.batch(org, batch).getInt("accepted")).isEqualTo(200);
                batch.clear();
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath summary = api.scores(org, "summary");
            return summary.getInt("serviceproof.responses") == 400 && summary.getInt("recovery.responses") == 200;
        });

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int round = 0; round < 8; round++) {
            LocalDate from = today.minusDays(10 + random.nextInt(70));
            LocalDate to = from.plusDays(random.nextInt(60));
            List<String> channels = CHANNELS.stream().filter(c -> random.nextBoolean()).toList();
            String touchpoint = random.nextBoolean() ? null : TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            StringBuilder query = new StringBuilder("from=" + from + "&to=" + to);
            channels.forEach(c -> query.append("&channel=").append(c));
            if (touchpoint != null) {
                query.append("&touchpoint=").append(touchpoint.strip().toUpperCase(Locale.ROOT));
            }
            Predicate<Posted> selected = p -> !p.day().isBefore(from) && !p.day().isAfter(to)
                    && (channels.isEmpty() || channels.contains(p.channel()))
                    && (touchpoint == null || p.touchpoint().strip().equalsIgnoreCase(touchpoint.strip()));
            List<ReferenceScores.Raw> proof = posted.stream().filter(selected).filter(p -> p.serviceProof() != null)
                    .map(Posted::serviceProof).toList();
            List<RecoveryReference.Raw> recovery = posted.stream().filter(selected).filter(p -> p.recovery() != null)
                    .map(Posted::recovery).toList();

            JsonPath sp = api.scores(org, "serviceproof?" + query);
            assertThat(sp.getInt("responses")).as(query.toString()).isEqualTo(proof.size());
            if (proof.size() >= 5) {
                assertThat(sp.getDouble("overall")).as(query.toString()).isCloseTo(ReferenceScores.overall(proof), within(EPS));
                ReferenceScores.Aspect value = ReferenceScores.aspect(proof, "VALUE");
                assertThat(sp.getDouble("aspects.VALUE.mean")).isCloseTo(value.mean(), within(EPS));
            } else {
                assertThat(sp.getString("overall")).isNull();
                assertThat(sp.getBoolean("sufficient")).isFalse();
            }
            JsonPath rec = api.scores(org, "recovery?" + query);
            assertThat(rec.getInt("responses")).as(query.toString()).isEqualTo(recovery.size());
            if (recovery.size() >= 5) {
                double[] rii = RecoveryReference.rii(recovery);
                assertThat(rec.getDouble("relationship.rii")).isCloseTo(rii[0], within(EPS));
                assertThat(rec.getDouble("relationship.nri")).isCloseTo(RecoveryReference.nri(recovery), within(EPS));
                assertThat(rec.getString("relationship.indicator")).isEqualTo(RecoveryReference.indicator(rii[0]));
                assertThat(rec.getList("keyDrivers")).isEqualTo(RecoveryReference.keyDrivers(recovery));
            } else {
                assertThat(rec.getString("relationship.indicator")).isEqualTo("INSUFFICIENT_DATA");
            }
        }

        // trends per ISO week over everything
        Map<String, List<Posted>> weeks = posted.stream().collect(Collectors.groupingBy(
                p -> String.format("%d-W%02d", p.day().get(IsoFields.WEEK_BASED_YEAR), p.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                TreeMap::new, Collectors.toList()));
        JsonPath overall = api.scores(org, "trends?instrument=SERVICEPROOF&metric=overall&granularity=week");
        JsonPath rii = api.scores(org, "trends?instrument=SERVICE_RECOVERY&metric=rii&granularity=week");
        List<String> proofWeeks = new ArrayList<>();
        List<String> recoveryWeeks = new ArrayList<>();
        weeks.forEach((week, entries) -> {
            List<ReferenceScores.Raw> proof = entries.stream().filter(p -> p.serviceProof() != null).map(Posted::serviceProof).toList();
            List<RecoveryReference.Raw> recovery = entries.stream().filter(p -> p.recovery() != null).map(Posted::recovery).toList();
            if (!proof.isEmpty()) {
                int index = proofWeeks.size();
                proofWeeks.add(week);
                assertThat(overall.getInt("points[" + index + "].responses")).as(week).isEqualTo(proof.size());
                if (proof.size() >= 5) {
                    assertThat(overall.getDouble("points[" + index + "].value")).as(week)
                            .isCloseTo(ReferenceScores.overall(proof), within(EPS));
                }
            }
            if (!recovery.isEmpty()) {
                int index = recoveryWeeks.size();
                recoveryWeeks.add(week);
                if (recovery.size() >= 5) {
                    assertThat(rii.getDouble("points[" + index + "].value")).as(week)
                            .isCloseTo(RecoveryReference.rii(recovery)[0], within(EPS));
                } else {
                    assertThat(rii.getString("points[" + index + "].value")).isNull();
                }
            }
        });
        assertThat(overall.getList("points.period")).isEqualTo(proofWeeks);
        assertThat(rii.getList("points.period")).isEqualTo(recoveryWeeks);
    }

    @Test
    void pollsAreNotModifiedUntilAResponseChangesTheScoresAndStreamsAreToldAtOnce() throws Exception {
        Api.Org org = api.register("poll");
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            api.post(org, EndToEndIT.body(EndToEndIT.randomResponse(random), random), 202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 5);
        String path = api.dashboard(org) + "/serviceproof";
        String etag = api.withKey(org.readKey()).when().get(path).then().statusCode(200)
                .extract().header("ETag");
        api.withKey(org.readKey()).header("If-None-Match", etag).when().get(path).then().statusCode(304);

        BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(api.dashboard(org) + "/stream"))
                .header("X-Api-Key", org.readKey()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:") && line.substring(6).strip().equals("scores")) {
                        events.add(System.nanoTime());
                    }
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long posted = System.nanoTime();
            api.post(org, EndToEndIT.body(EndToEndIT.randomResponse(random), random), 202);
            Long received = events.poll(10, TimeUnit.SECONDS);
            assertThat(received).as("a scores event after response " + i).isNotNull();
            latencies.add(TimeUnit.NANOSECONDS.toMillis(received - posted));
            events.clear();
        }
        latencies.sort(Long::compare);
        assertThat(latencies.get(1)).as("median ms from 202 to the stream's event, of " + latencies).isLessThan(1000);

        String changed = api.withKey(org.readKey()).header("If-None-Match", etag).when().get(path)
                .then().statusCode(200).body("responses", equalTo(8)).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        reader.interrupt();
        stream.body().close();
    }

    private static RecoveryReference.Raw randomRecovery(Random random) {
        List<String> outcomes = List.of("STRENGTHENED", "FLATTENED", "WEAKENED", "BROKEN");
        String outcome = outcomes.get(random.nextInt(4));
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String driver : RecoveryReference.DRIVERS) {
            answers.put(driver, (int) Math.max(1, Math.min(5,
                    Math.round(3.5 + 0.8 * RecoveryReference.IMPACT.get(outcome) + random.nextGaussian()))));
        }
        return new RecoveryReference.Raw(UUID.randomUUID().toString(), answers, outcome, null, null, null,
                null, null);
    }
}
