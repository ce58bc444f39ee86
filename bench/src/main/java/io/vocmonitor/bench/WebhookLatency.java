package io.vocmonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Broken relationship → signed webhook: a receiver on 127.0.0.1:PORT subscribed to alert.raised of a benchmark
 * organisation; after 10 s of warm-up, for SECONDS, RATE recovery responses a second whose relationship is BROKEN are
 * posted to the survey-service, and each alert's time from the 202 to its arrival at the receiver is taken, its
 * signature checked. Optionally a fault: the shell command FAULT at FAULT_AT seconds into the measured ones, RECOVER
 * at RECOVER_AT (bench/faults.sh webhook-*); a 503, 429 or broken connection is posted again, same responseId, a
 * second later for up to a minute, and the schedule does not catch up afterwards.
 * The dashboard-service must allow the receiver (bench/perf.sh webhooks and bench/faults.sh restart it with
 * VOC_WEBHOOK_ALLOW_HTTP and VOC_WEBHOOK_ALLOWED_HOSTS).
 *
 * <pre>  WebhookLatency SECONDS RATE PORT [FAULT_AT FAULT RECOVER_AT RECOVER]
 *   → RESULT alerts= delivered= p50_ms= p99_ms= max_ms= after_p99_ms= drain_s= repeats= duplicates= unsigned=</pre>
 *
 * after_p99_ms: the p99 of the alerts accepted from 5 s after the recovery command returned on; drain_s: from the
 * start of the recovery command to the arrival of the last alert accepted before it; repeats: a delivery again with a
 * webhook-id already received (at least once, for the receiver to de-duplicate); duplicates: an alert received again
 * under another webhook-id (none may be).
 */
public final class WebhookLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = PerfTools.env("VOC_SURVEY_URL", "http://127.0.0.1:8081");
    private static final String DASHBOARD = PerfTools.env("VOC_DASHBOARD_URL", "http://127.0.0.1:8083");
    private static final String ORGANISATION = "bench-hooks-0001";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String admin;
    /** Seconds of posting before the measured ones: the JIT of a freshly started dashboard-service warms up. */
    private static final int WARM_UP_SECONDS = 10;

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> warming = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    /** The webhook-id each alert (by responseId) first arrived with. */
    private final Map<String, String> webhookIds = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unsigned = new AtomicInteger();
    private volatile String secret;

    private WebhookLatency(String admin) {
        this.admin = "Bearer " + admin;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 7) {
            throw new IllegalArgumentException("usage: WebhookLatency SECONDS RATE PORT [FAULT_AT FAULT RECOVER_AT RECOVER]");
        }
        Fault fault = args.length == 7
                ? new Fault(Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]), args[6]) : null;
        new WebhookLatency(PerfTools.adminToken()).run(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), fault);
        System.exit(0);
    }

    /** A shell command at {@code at} seconds into the measured ones, and its recovery at {@code recoverAt}. */
    private record Fault(int at, String command, int recoverAt, String recovery) {
    }

    private void run(int seconds, int rate, int port, Fault fault) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/bench", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            if (!signed(id, timestamp, body, exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                unsigned.incrementAndGet();
            }
            String responseId = JSON.readTree(body).path("data").path("responseId").asText();
            String first = webhookIds.putIfAbsent(responseId, id);
            if (first == null) {
                arrived.put(responseId, now);
            } else if (first.equals(id)) {
                repeats.incrementAndGet();
            } else {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        send("POST", SURVEY + "/api/v1/organisations", Map.of("id", ORGANISATION, "name", "Webhook benchmark",
                "sector", "SERVICES"), 201, 409);
        String webhooks = DASHBOARD + "/api/v1/organisations/" + ORGANISATION + "/webhooks";
        JsonNode subscription = JSON.readTree(send("POST", webhooks, Map.of("url", "http://127.0.0.1:" + port + "/bench",
                "events", List.of("alert.raised"), "description", "bench/perf.sh webhooks"), 201));
        secret = subscription.path("secret").asText();
        ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
        AtomicLong recoveryStarted = new AtomicLong(Long.MAX_VALUE);
        AtomicLong recoveredAt = new AtomicLong(Long.MAX_VALUE);
        try {
            long interval = 1_000_000_000L / rate;
            long warmUp = (long) WARM_UP_SECONDS * rate;
            long due = System.nanoTime();
            for (long i = 0; i < warmUp + (long) seconds * rate; i++) {
                if (i == warmUp && fault != null) {
                    faults.schedule(() -> FaultHarness.shell("fault", fault.command(), ORGANISATION), fault.at(),
                            TimeUnit.SECONDS);
                    faults.schedule(() -> {
                        recoveryStarted.set(System.nanoTime());
                        FaultHarness.shell("recovery", fault.recovery(), ORGANISATION);
                        recoveredAt.set(System.nanoTime());
                    }, fault.recoverAt(), TimeUnit.SECONDS);
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                // behind by more than a second (an outage): the steady rate again rather than a burst to catch up
                due = Math.max(due + interval, System.nanoTime() - 1_000_000_000L);
                String responseId = UUID.randomUUID().toString();
                if (postBroken(responseId)) {
                    (i < warmUp ? warming : accepted).put(responseId, System.nanoTime());
                }
            }
            faults.shutdown();
            faults.awaitTermination(5, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + Duration.ofSeconds(fault == null ? 60 : 180).toNanos();
            while (!arrived.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(fault == null ? 1000 : 5000); // repeats, if any, come now
        } finally {
            send("DELETE", webhooks + "/" + subscription.path("id").asText(), null, 204);
            receiver.stop(0);
        }
        List<Double> latencies = new ArrayList<>();
        List<Double> afterRecovery = new ArrayList<>();
        long recovering = recoveryStarted.get();
        long lastBeforeRecovery = recovering;
        long settled = fault == null || recoveredAt.get() == Long.MAX_VALUE ? Long.MAX_VALUE
                : recoveredAt.get() + Duration.ofSeconds(5).toNanos();
        for (Map.Entry<String, Long> alert : accepted.entrySet()) {
            Long came = arrived.get(alert.getKey());
            if (came == null) {
                continue;
            }
            latencies.add((came - alert.getValue()) / 1e6);
            if (alert.getValue() >= settled) {
                afterRecovery.add((came - alert.getValue()) / 1e6);
            } else if (alert.getValue() < recovering) {
                lastBeforeRecovery = Math.max(lastBeforeRecovery, came);
            }
        }
        Collections.sort(latencies);
        Collections.sort(afterRecovery);
        System.out.printf("RESULT alerts=%d delivered=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f after_p99_ms=%.0f "
                        + "drain_s=%.1f repeats=%d duplicates=%d unsigned=%d%n",
                accepted.size(), latencies.size(), PerfTools.percentile(latencies, 50),
                PerfTools.percentile(latencies, 99),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1),
                PerfTools.percentile(afterRecovery, 99),
                fault == null ? Double.NaN : (lastBeforeRecovery - recovering) / 1e9, repeats.get(),
                duplicates.get(), unsigned.get());
    }

    /**
     * Posts a recovery response with a BROKEN relationship; a 503, 429 or broken connection is tried again a second
     * later, with the same responseId, for up to a minute. Answers whether it was accepted.
     */
    private boolean postBroken(String responseId) throws Exception {
        Map<String, Object> body = Map.of("responseId", responseId, "instrument", "SERVICE_RECOVERY", "channel", "PHONE",
                "answers", Map.of("RESOLUTION", 1), "relationship", "BROKEN", "comment", "benchmark");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SURVEY + "/api/v1/organisations/" + ORGANISATION
                        + "/responses")).timeout(Duration.ofSeconds(10))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 202) {
                    return true;
                }
                if (status != 503 && status != 429) {
                    throw new IllegalStateException("a response was refused with " + status);
                }
            } catch (java.io.IOException unreachable) {
                // the survey-service is not reachable now
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** Standard Webhooks: v1, base64 HMAC-SHA256 over id.timestamp.body, keyed with the secret's decoded bytes. */
    private boolean signed(String id, String timestamp, String body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return signatures != null && List.of(signatures.split(" ")).contains(expected);
        } catch (Exception e) {
            return false;
        }
    }

    private String send(String method, String url, Object body, int... expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", admin);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (answer.statusCode() == status) {
                return answer.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
    }
}
