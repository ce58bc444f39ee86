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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Broken relationship → signed webhook: a receiver on 127.0.0.1:PORT subscribed to alert.raised of a benchmark
 * organisation; after 10 s of warm-up, for SECONDS, RATE recovery responses a second whose relationship is BROKEN are
 * posted to the survey-service, and each alert's time from the 202 to its arrival at the receiver is taken, its
 * signature checked.
 * The dashboard-service must allow the receiver (bench/perf.sh webhooks restarts it with VOC_WEBHOOK_ALLOW_HTTP and
 * VOC_WEBHOOK_ALLOWED_HOSTS).
 *
 * <pre>  WebhookLatency SECONDS RATE PORT   → RESULT alerts= delivered= p50_ms= p99_ms= max_ms= repeats= unsigned=</pre>
 */
public final class WebhookLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = System.getenv().getOrDefault("VOC_SURVEY_URL", "http://127.0.0.1:8081");
    private static final String DASHBOARD = System.getenv().getOrDefault("VOC_DASHBOARD_URL", "http://127.0.0.1:8083");
    private static final String ORGANISATION = "bench-hooks-0001";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String admin;
    /** Seconds of posting before the measured ones: the JIT of a freshly started dashboard-service warms up. */
    private static final int WARM_UP_SECONDS = 10;

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> warming = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger unsigned = new AtomicInteger();
    private volatile String secret;

    private WebhookLatency(String admin) {
        this.admin = "Bearer " + admin;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WebhookLatency SECONDS RATE PORT");
        }
        String token = Files.readString(Path.of(System.getenv().getOrDefault("VOC_ADMIN_TOKEN_FILE", ".voc/admin-token")))
                .strip();
        new WebhookLatency(token).run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.exit(0);
    }

    private void run(int seconds, int rate, int port) throws Exception {
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
            if (arrived.putIfAbsent(responseId, now) != null) {
                repeats.incrementAndGet();
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
        try {
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long warmUp = (long) WARM_UP_SECONDS * rate;
            for (long i = 0; i < warmUp + (long) seconds * rate; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String responseId = UUID.randomUUID().toString();
                send("POST", SURVEY + "/api/v1/organisations/" + ORGANISATION + "/responses", Map.of(
                        "responseId", responseId, "instrument", "SERVICE_RECOVERY", "channel", "PHONE",
                        "answers", Map.of("RESOLUTION", 1), "relationship", "BROKEN", "comment", "benchmark"), 202);
                (i < warmUp ? warming : accepted).put(responseId, System.nanoTime());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!arrived.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // repeats, if any, come now
        } finally {
            send("DELETE", webhooks + "/" + subscription.path("id").asText(), null, 204);
            receiver.stop(0);
        }
        List<Double> latencies = new ArrayList<>();
        accepted.forEach((id, at) -> {
            Long came = arrived.get(id);
            if (came != null) {
                latencies.add((came - at) / 1e6);
            }
        });
        Collections.sort(latencies);
        System.out.printf("RESULT alerts=%d delivered=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f repeats=%d unsigned=%d%n",
                accepted.size(), latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1), repeats.get(), unsigned.get());
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

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
