package io.vocmonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fault-injection scenario against a running {@code ./voc up}: streams ServiceProof responses at a steady
 * rate to a fresh organisation, runs the fault command and the recovery command at their times, retries
 * refused responses like a careful client would (same responseId), and then compares what the survey-service
 * accepted (202) with what the scores count and what the ledger holds.
 *
 * <pre>
 * FaultHarness SCENARIO RATE SECONDS FAULT_AT FAULT_COMMAND RECOVER_AT RECOVER_COMMAND
 * </pre>
 * Prints one tab-separated line: scenario, rate, seconds, sent, accepted, counted, lost, double, extra.
 * lost = accepted but not in the ledger; double = counted beyond the distinct responses in the ledger;
 * extra = in the ledger although the client never saw a 202 (not a loss: the client would re-post it);
 * slowest 503 = the longest a refusal took to come, in ms (the survey-service's publish timeout bounds it).
 * The fault and recovery commands run with the organisation's id in {@code VOC_FAULT_ORG}.
 */
public final class FaultHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = PerfTools.env("VOC_SURVEY_URL", "http://127.0.0.1:8081");
    private static final String DASHBOARD = PerfTools.env("VOC_DASHBOARD_URL", "http://127.0.0.1:8083");
    private static final String JDBC = PerfTools.env("VOC_BENCH_JDBC", "jdbc:postgresql://127.0.0.1:5432/voc");
    private static final String JDBC_USER = PerfTools.env("VOC_BENCH_JDBC_USER", "postgres");
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refusedForGood = new AtomicInteger();
    private final AtomicLong slowestRefusalNanos = new AtomicLong();

    private FaultHarness(String token) {
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: FaultHarness SCENARIO RATE SECONDS FAULT_AT FAULT_COMMAND RECOVER_AT RECOVER_COMMAND");
            System.exit(2);
        }
        new FaultHarness(PerfTools.adminToken()).run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]), args[6]);
    }

    private void run(String scenario, int rate, int seconds, int faultAt, String fault, int recoverAt, String recover)
            throws Exception {
        String org = register(scenario);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        Random random = new Random();
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        var ticker = clock.scheduleAtFixedRate(() -> {
            if (sent.get() < total) {
                sent.incrementAndGet();
                post(clock, org, body(random), 0);
            }
        }, 0, period, TimeUnit.NANOSECONDS);
        List<ScheduledFuture<?>> actions = new ArrayList<>();
        if (!fault.isBlank()) {
            actions.add(clock.schedule(() -> shell("fault", fault, org), faultAt, TimeUnit.SECONDS));
        }
        if (!recover.isBlank()) {
            actions.add(clock.schedule(() -> shell("recovery", recover, org), recoverAt, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(seconds, recoverAt) + 90).toNanos();
        while ((sent.get() < total || inFlight.get() > 0 || actions.stream().anyMatch(a -> !a.isDone()))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        ticker.cancel(false);
        clock.shutdownNow();

        long counted = settle(org, accepted.size());
        Set<String> ledger = ledger(org);
        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(ledger);
        Set<String> extra = new HashSet<>(ledger);
        extra.removeAll(accepted);
        System.out.printf("%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", scenario, rate, seconds, sent.get(),
                accepted.size(), counted, lost.size(), Math.max(0, counted - ledger.size()), extra.size(),
                TimeUnit.NANOSECONDS.toMillis(slowestRefusalNanos.get()));
        System.exit(0);
    }

    /** Posts one response; a 503, 429 or broken connection is tried again a second later, for up to a minute. */
    private void post(ScheduledExecutorService clock, String org, String body, int attempt) {
        inFlight.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SURVEY + "/api/v1/organisations/" + org + "/responses"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
                if (error == null && response.statusCode() == 503) {
                    slowestRefusalNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                }
                if (error == null && response.statusCode() == 202) {
                    accepted.add(JSON.readTree(response.body()).get("responseId").asText());
                } else if ((error != null || response.statusCode() == 503 || response.statusCode() == 429)
                        && attempt < GIVE_UP.toSeconds() && !clock.isShutdown()) {
                    inFlight.incrementAndGet();
                    clock.schedule(() -> {
                        inFlight.decrementAndGet();
                        post(clock, org, body, attempt + 1);
                    }, 1, TimeUnit.SECONDS);
                } else {
                    refusedForGood.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                refusedForGood.incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Waits until the scores count at least the accepted responses and stop changing. */
    private long settle(String org, int expected) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long last = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            long counted = counted(org);
            stable = counted == last ? stable + 1 : 0;
            last = counted;
            if (counted >= expected && stable >= 5) {
                return counted;
            }
            Thread.sleep(1000);
        }
        return last;
    }

    private long counted(String org) {
        try {
            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(
                            URI.create(DASHBOARD + "/api/v1/organisations/" + org + "/summary"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (summary.statusCode() != 200) {
                return -1;
            }
            JsonNode headline = JSON.readTree(summary.body());
            return headline.path("serviceproof").path("responses").asLong();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static Set<String> ledger(String org) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(JDBC, JDBC_USER, "");
             PreparedStatement s = c.prepareStatement(
                     "SELECT response_id FROM scoring.response WHERE organisation_id = ? AND retracted_at IS NULL")) {
            s.setString(1, org);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private String register(String scenario) throws Exception {
        String id = ("faults-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 6)).replaceAll("[^a-z0-9-]", "-");
        Map<String, String> body = new HashMap<>(Map.of("id", id, "name", "Fault scenario " + scenario, "sector", "OTHER"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(SURVEY + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not register " + id + ": " + created.statusCode() + " " + created.body());
        }
        return id;
    }

    private static String body(Random random) {
        return "{\"responseId\":\"" + UUID.randomUUID() + "\",\"instrument\":\"SERVICEPROOF\",\"answeredAt\":\""
                + Instant.now().minusSeconds(random.nextInt(86_400)) + "\",\"channel\":\"WEB\",\"answers\":{\"SENSING\":"
                + (1 + random.nextInt(5)) + ",\"VALUE\":" + (1 + random.nextInt(5)) + "},\"recommend\":"
                + random.nextInt(11) + "}";
    }

    /** Runs a fault or recovery command, its output in .voc/logs/faults.log, with VOC_FAULT_ORG set. */
    static void shell(String what, String command, String org) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(".voc/logs/faults.log").toFile()));
            builder.environment().put("VOC_FAULT_ORG", org);
            Process process = builder.start();
            System.err.printf("  %s: %s (exit %d)%n", what, command, process.waitFor());
        } catch (IOException | InterruptedException e) {
            System.err.printf("  %s failed: %s%n", what, e);
        }
    }

}
