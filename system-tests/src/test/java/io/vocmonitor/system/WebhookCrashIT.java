package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * At least once across a crash: a broken relationship posted to the survey-service becomes an alert, and its webhook
 * reaches a receiver on this machine; while the receiver holds that first request, the dashboard-service is killed
 * (SIGKILL, between sending and recording the outcome). Started again, it sends the delivery again once its claim has
 * run out — with the same webhook-id, so the receiver sees the alert once — and records it delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookCrashIT {

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private Platform platform;
    private Api api;

    @BeforeAll
    void startReceiverAndPlatform() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            if (received.size() == 1) {
                firstArrived.countDown();
                try {
                    releaseFirst.await(60, TimeUnit.SECONDS); // held while the sender is killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (java.io.IOException gone) {
                // the sender died meanwhile: nobody reads this answer
            }
            exchange.close();
        });
        receiver.start();
        platform = Platform.startWithDashboard("webhook", Map.of(
                "VOC_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + receiver.getAddress().getPort(),
                "VOC_WEBHOOK_READ_TIMEOUT", "30s",
                "VOC_WEBHOOK_CONNECT_TIMEOUT", "1s",
                "VOC_WEBHOOK_LEASE_MARGIN", "1s"));
        api = new Api(platform);
    }

    @AfterAll
    void stopEverything() {
        releaseFirst.countDown();
        if (platform != null) {
            platform.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aDeliveryInterruptedByACrashIsMadeAgainWithTheSameId() throws Exception {
        Api.Org org = api.register("hooks");
        JsonPath created = api.withKey(org.readKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/tickets",
                        "events", List.of("alert.raised")))
                .when().post(api.dashboard(org) + "/webhooks")
                .then().statusCode(201).extract().jsonPath();
        String responseId = UUID.randomUUID().toString();
        api.post(org, Map.of("responseId", responseId, "instrument", "SERVICE_RECOVERY", "channel", "PHONE",
                "answers", Map.of("RESOLUTION", 1), "relationship", "BROKEN", "comment", "Gone."), 202);

        assertThat(firstArrived.await(60, TimeUnit.SECONDS)).as("the first delivery arrives").isTrue();
        platform.kill("dashboard"); // between sending and recording: the outcome is never written
        releaseFirst.countDown();
        platform.launch("dashboard");
        platform.awaitReady("dashboard");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> received.size() >= 2);
        String webhookId = created.getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(api.withKey(org.readKey())
                .when().get(api.dashboard(org) + "/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getString("deliveries[0].state")));
        Thread.sleep(2000); // nothing more comes once it is recorded
        assertThat(received).hasSize(2);
        assertThat(received.get(1).get("id")).as("the same id on the retry").isEqualTo(received.get(0).get("id"));
        assertThat(received.get(1).get("body")).isEqualTo(received.get(0).get("body"));
        for (Map<String, String> request : received) {
            assertThat(verifies(created.getString("secret"), request)).isTrue();
        }
        JsonPath alert = JsonPath.from(received.get(0).get("body"));
        assertThat(alert.getString("type")).isEqualTo("alert.raised");
        assertThat(alert.getString("data.responseId")).isEqualTo(responseId);
        assertThat(alert.getString("data.kind")).isEqualTo("RELATIONSHIP_BROKEN");
        JsonPath log = api.withKey(org.readKey()).when().get(api.dashboard(org) + "/webhooks/" + webhookId + "/deliveries")
                .then().extract().jsonPath();
        assertThat(log.getInt("deliveries[0].attempts")).as("the crashed attempt counts").isEqualTo(2);
        assertThat(log.getInt("deliveries[0].log[0].status")).isEqualTo(200);
    }

    /** Standard Webhooks verification, independent of the service's code. */
    private static boolean verifies(String secret, Map<String, String> request) throws Exception {
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.get("timestamp")))).isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] digest = mac.doFinal((request.get("id") + "." + request.get("timestamp") + "." + request.get("body"))
                .getBytes(StandardCharsets.UTF_8));
        return List.of(request.get("signature").split(" ")).contains("v1," + Base64.getEncoder().encodeToString(digest));
    }
}
