package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Webhooks end to end, with receivers on this machine: the README's example receiver (docs/examples/webhook-receiver.py)
 * verifies a delivery and refuses a forgery; and deliveries made at least once, signed, across the failures of the parts between a response and a receiver on
 * this machine: a crash of the delivering dashboard-service between sending and recording (sent again with the same
 * webhook-id), an outage of the dashboard-service's database while an alert and a score change are on their way
 * (queued and delivered once the database is back), and an outage of the Kafka broker (what is queued is delivered meanwhile; alerts flow again
 * after it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    /** What reached the receiver, by path (one subscription per test). */
    private record Request(String path, String id, String timestamp, String signature, String body) {
    }

    private HttpServer receiver;
    /** The port of the example receiver, started by its test. */
    private int examplePort;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch heldArrived = new CountDownLatch(1);
    private final CountDownLatch releaseHeld = new CountDownLatch(1);
    private Platform platform;
    private Api api;

    @BeforeAll
    void startReceiverAndPlatform() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            if (path.equals("/hooks/crash") && heldArrived.getCount() > 0) {
                heldArrived.countDown();
                try {
                    releaseHeld.await(60, TimeUnit.SECONDS); // held while the sender is killed
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
        examplePort = KafkaProcess.freePort();
        platform = Platform.startWithDashboard("webhook", Map.of(
                "VOC_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + receiver.getAddress().getPort() + ",127.0.0.1:" + examplePort,
                "VOC_WEBHOOK_READ_TIMEOUT", "30s",
                "VOC_WEBHOOK_CONNECT_TIMEOUT", "1s",
                "VOC_WEBHOOK_LEASE_MARGIN", "1s"));
        api = new Api(platform);
    }

    @AfterAll
    void stopEverything() {
        releaseHeld.countDown();
        if (platform != null) {
            platform.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void theExampleReceiverVerifiesADeliveryAndRefusesAForgery() throws Exception {
        Api.Org org = api.register("example");
        JsonPath created = api.withKey(org.readKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + examplePort + "/voc", "events", List.of("alert.raised")))
                .when().post(api.dashboard(org) + "/webhooks")
                .then().statusCode(201).extract().jsonPath();
        Process example = new ProcessBuilder("python3",
                Platform.root().resolve("docs/examples/webhook-receiver.py").toString(),
                Integer.toString(examplePort), created.getString("secret")).redirectErrorStream(true).start();
        List<String> printed = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(example.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(printed::add));
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> printed.stream().anyMatch(l -> l.startsWith("listening")));
            String delivery = api.withKey(org.readKey()).when()
                    .post(api.dashboard(org) + "/webhooks/" + created.getString("id") + "/test")
                    .then().statusCode(202).extract().path("deliveryId");
            await().atMost(Duration.ofSeconds(30)).until(() -> printed.stream()
                    .anyMatch(line -> line.startsWith("verified " + delivery + " webhook.test ")));
            await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(
                    log(org, created.getString("id")).getString("deliveries[0].state")));

            String forged = "{\"type\":\"alert.raised\",\"data\":{}}";
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + examplePort + "/voc"))
                    .header("webhook-id", "msg_forged")
                    .header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                    .header("webhook-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]))
                    .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(10)).until(() -> printed.contains(
                    "REFUSED msg_forged: the signature does not verify"));
        } finally {
            example.destroy();
        }
    }

    @Test
    void aDeliveryInterruptedByACrashIsMadeAgainWithTheSameId() throws Exception {
        Api.Org org = api.register("crash");
        JsonPath created = subscribe(org, "crash", "alert.raised");
        String responseId = broken(org);

        assertThat(heldArrived.await(60, TimeUnit.SECONDS)).as("the first delivery arrives").isTrue();
        platform.kill("dashboard"); // between sending and recording: the outcome is never written
        releaseHeld.countDown();
        platform.launch("dashboard");
        platform.awaitReady("dashboard");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> at("crash").size() >= 2);
        String webhookId = created.getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(log(org, webhookId)
                .getString("deliveries[0].state")));
        Thread.sleep(2000); // nothing more comes once it is recorded
        List<Request> requests = at("crash");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).id()).as("the same id on the retry").isEqualTo(requests.get(0).id());
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        for (Request request : requests) {
            assertThat(verifies(created.getString("secret"), request)).isTrue();
        }
        JsonPath alert = JsonPath.from(requests.get(0).body());
        assertThat(alert.getString("type")).isEqualTo("alert.raised");
        assertThat(alert.getString("data.responseId")).isEqualTo(responseId);
        assertThat(alert.getString("data.kind")).isEqualTo("RELATIONSHIP_BROKEN");
        JsonPath log = log(org, webhookId);
        assertThat(log.getInt("deliveries[0].attempts")).as("the crashed attempt counts").isEqualTo(2);
        assertThat(log.getInt("deliveries[0].log[0].status")).isEqualTo(200);
    }

    @Test
    void anAlertAndAScoreChangeWhileTheDashboardDatabaseIsDownAreDeliveredOnceItIsBack() throws Exception {
        Api.Org org = api.register("dbdown");
        JsonPath created = subscribe(org, "database", "alert.raised", "scores.changed");
        double emitted = api.metric("scoring", "voc_alerts_emitted_total");

        platform.dashboardDatabase().cut();
        String responseId;
        try {
            responseId = broken(org);
            // scored and published on voc.alerts and voc.score-updates; the dashboard-service cannot queue them yet
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.metric("scoring", "voc_alerts_emitted_total") > emitted);
            Thread.sleep(3000);
            assertThat(at("database")).as("nothing can be queued, so nothing is sent").isEmpty();
        } finally {
            platform.dashboardDatabase().mend();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ofType("database", "alert.raised").size() == 1
                        && !ofType("database", "scores.changed").isEmpty());
        String webhookId = created.getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> log(org, webhookId).getList("deliveries.state")
                .stream().allMatch("delivered"::equals));
        Thread.sleep(2000);
        List<Request> alerts = ofType("database", "alert.raised");
        assertThat(alerts).as("the alert once: the offsets waited for the database").hasSize(1);
        assertThat(JsonPath.from(alerts.get(0).body()).getString("data.responseId")).isEqualTo(responseId);
        JsonPath change = JsonPath.from(ofType("database", "scores.changed").get(0).body());
        assertThat(change.getString("data.organisationId")).isEqualTo(org.id());
        assertThat(change.getString("data.instrument")).isEqualTo("SERVICE_RECOVERY");
        assertThat(change.getLong("data.version")).isPositive();
        for (Request request : at("database")) {
            assertThat(verifies(created.getString("secret"), request)).isTrue();
        }
        assertThat(log(org, webhookId).getList("deliveries.attempts", Integer.class)).containsOnly(1);
    }

    @Test
    void queuedDeliveriesGoOutDuringABrokerOutageAndAlertsFlowAgainAfterIt() throws Exception {
        Api.Org org = api.register("kafkadown");
        JsonPath created = subscribe(org, "broker", "alert.raised");
        String webhookId = created.getString("id");

        platform.stopBroker();
        try {
            // the queue lives in the database: a test event is sent while no broker answers
            api.withKey(org.readKey()).when().post(api.dashboard(org) + "/webhooks/" + webhookId + "/test")
                    .then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !at("broker").isEmpty());
            assertThat(JsonPath.from(at("broker").get(0).body()).getString("type")).isEqualTo("webhook.test");
        } finally {
            platform.startBroker();
        }

        // the survey-service answers 503 until its producer has the broker again
        String responseId = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.withKey(org.ingestKey()).contentType(ContentType.JSON).body(brokenBody(responseId))
                        .when().post(api.survey(org) + "/responses").statusCode() == 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> at("broker").size() >= 2);
        Thread.sleep(2000);
        List<Request> requests = at("broker");
        assertThat(requests).hasSize(2);
        JsonPath alert = JsonPath.from(requests.get(1).body());
        assertThat(alert.getString("type")).isEqualTo("alert.raised");
        assertThat(alert.getString("data.responseId")).isEqualTo(responseId);
        for (Request request : requests) {
            assertThat(verifies(created.getString("secret"), request)).isTrue();
        }
        assertThat(requests.get(1).id()).isNotEqualTo(requests.get(0).id());
    }

    private JsonPath subscribe(Api.Org org, String path, String... events) {
        return api.withKey(org.readKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + path,
                        "events", List.of(events)))
                .when().post(api.dashboard(org) + "/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Posts a Service Recovery response whose relationship is broken: an alert. Answers its responseId. */
    private String broken(Api.Org org) {
        String responseId = UUID.randomUUID().toString();
        api.post(org, brokenBody(responseId), 202);
        return responseId;
    }

    private static Map<String, Object> brokenBody(String responseId) {
        return Map.of("responseId", responseId, "instrument", "SERVICE_RECOVERY", "channel", "PHONE",
                "answers", Map.of("RESOLUTION", 1), "relationship", "BROKEN", "comment", "Gone.");
    }

    private JsonPath log(Api.Org org, String webhookId) {
        return api.withKey(org.readKey()).when().get(api.dashboard(org) + "/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private List<Request> ofType(String path, String type) {
        return at(path).stream().filter(request -> JsonPath.from(request.body()).getString("type").equals(type))
                .toList();
    }

    private List<Request> at(String path) {
        return received.stream().filter(request -> request.path().equals("/hooks/" + path)).toList();
    }

    /** Standard Webhooks verification, independent of the service's code. */
    private static boolean verifies(String secret, Request request) throws Exception {
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp()))).isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] digest = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        return List.of(request.signature().split(" ")).contains("v1," + Base64.getEncoder().encodeToString(digest));
    }
}
