package io.vocmonitor.dashboard.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vocmonitor.dashboard.store.AlertInbox;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end inside the service, against a receiver on this machine ({@link Receiver}): subscriptions and
 * their refusals, alerts from voc.alerts and score changes from voc.score-updates delivered signed (checked here with a
 * verification of the test's own), retries after 500s and timeouts with the same id, pausing after failures, and no
 * call to an address the allow-list does not name.
 */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
@WithTestResource(Receiver.class)
class WebhookDeliveryTest {

    private static final String ADMIN = "Bearer " + VocInfrastructure.ADMIN_TOKEN;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @Inject
    AlertInbox inbox;

    @Inject
    WebhookHealth health;

    @Test
    void subscriptionsAreMadeListedAndRefusedWithReasons() {
        String org = organisation();
        JsonPath created = subscribe(org, "/hooks/crud", List.of("alert.raised", "scores.changed"));
        assertThat(created.getString("secret")).startsWith("whsec_");
        String id = created.getString("id");

        given().header("Authorization", ADMIN).when().get(webhooks(org))
                .then().statusCode(200).body("webhooks.size()", equalTo(1)).body("webhooks[0].id", equalTo(id))
                .body("webhooks[0].secret", nullValue()).body("limit", equalTo(4)).body("httpAllowed", equalTo(true));

        // refused before anything is stored: a loopback address the allow-list does not name, another port, http
        // without the allow-list, an unknown event type, a body without a URL
        refused(org, Map.of("url", "http://127.0.0.2:9/hook", "events", List.of("alert.raised")), 400, "loopback");
        refused(org, Map.of("url", "http://localhost:9/hook", "events", List.of("alert.raised")), 400, "loopback");
        refused(org, Map.of("url", Receiver.base() + "/x", "events", List.of("alert.exploded")), 400, "unknown");
        refused(org, Map.of("events", List.of("alert.raised")), 400, "url");
        given().header("Authorization", ADMIN).when().get(webhooks(org)).then().body("webhooks.size()", equalTo(1));

        for (int i = 1; i < 4; i++) {
            subscribe(org, "/hooks/crud-" + i, List.of("alert.raised"));
        }
        refused(org, Map.of("url", Receiver.base() + "/hooks/crud-5", "events", List.of("alert.raised")), 409, "at most 4");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("paused", true))
                .when().patch(webhooks(org) + "/" + id)
                .then().statusCode(200).body("paused", equalTo(true)).body("pausedReason", equalTo("paused by its owner"));
        String rotated = given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/secret")
                .then().statusCode(200).extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getString("secret"));
        given().header("Authorization", ADMIN).when().delete(webhooks(org) + "/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).when().get(webhooks(org) + "/" + id).then().statusCode(404);
        given().when().get(webhooks(org)).then().statusCode(401);
    }

    @Test
    void anAlertReachesTheReceiverSignedOnceAndItsAcknowledgementOnce() throws Exception {
        String org = organisation();
        JsonPath created = subscribe(org, "/hooks/alerts", List.of("alert.raised", "alert.acknowledged"));
        AlertRaised alert = raise(org);
        Instant sent = Instant.now();
        TopicProbe.produce(kafka, Topics.ALERTS, org, EventCodec.encode(alert));

        await().atMost(Duration.ofSeconds(10)).until(() -> !Receiver.at("/hooks/alerts").isEmpty());
        Receiver.Received received = Receiver.at("/hooks/alerts").get(0);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(verify(created.getString("secret"), received)).as("the signature verifies").isTrue();
        JsonPath body = JsonPath.from(received.body());
        assertThat(body.getString("type")).isEqualTo("alert.raised");
        assertThat(body.getString("data.alertId")).isEqualTo(alert.alertId().toString());
        assertThat(body.getString("data.kind")).isEqualTo("RELATIONSHIP_BROKEN");
        assertThat(body.getString("data.comment")).isEqualTo("it broke");
        assertThat(body.getString("data.link")).endsWith("/?view=alerts");

        // the same alert again (a redelivery of voc.alerts) is not delivered again; its acknowledgement is, once
        TopicProbe.produce(kafka, Topics.ALERTS, org, EventCodec.encode(alert));
        given().header("Authorization", ADMIN).when().post("/api/v1/organisations/" + org + "/alerts/"
                + alert.alertId() + "/acknowledge").then().statusCode(200);
        given().header("Authorization", ADMIN).when().post("/api/v1/organisations/" + org + "/alerts/"
                + alert.alertId() + "/acknowledge").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Receiver.at("/hooks/alerts").size() >= 2);
        Thread.sleep(1000);
        List<Receiver.Received> all = Receiver.at("/hooks/alerts");
        assertThat(all).hasSize(2);
        assertThat(JsonPath.from(all.get(1).body()).getString("type")).isEqualTo("alert.acknowledged");
        assertThat(all.get(1).header("webhook-id")).isNotEqualTo(received.header("webhook-id"));
    }

    @Test
    void failedDeliveriesAreRetriedWithTheSameIdUntilTheReceiverTakesThem() throws Exception {
        String org = organisation();
        String path = "/hooks/flaky";
        String id = subscribe(org, path, List.of("alert.raised")).getString("id");
        // a server error, then no answer within the read timeout (1 s here), then 200
        Receiver.script(path, new Receiver.Reply(500, 0), new Receiver.Reply(200, 2500));
        TopicProbe.produce(kafka, Topics.ALERTS, org, EventCodec.encode(raise(org)));

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(org, id));
        List<Receiver.Received> attempts = Receiver.at(path);
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
        JsonPath log = given().header("Authorization", ADMIN).when().get(webhooks(org) + "/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getString("deliveries[0].state")).isEqualTo("delivered");
        List<Map<String, Object>> tries = log.getList("deliveries[0].log");
        assertThat(tries).hasSizeGreaterThanOrEqualTo(3);
        // newest first: the success, the timeout, the 500
        assertThat(tries.get(0).get("status")).isEqualTo(200);
        assertThat((String) tries.get(tries.size() - 2).get("error")).contains("timed out");
        assertThat(tries.get(tries.size() - 1).get("status")).isEqualTo(500);
        assertThat((String) tries.get(tries.size() - 1).get("excerpt")).contains("received " + path);
    }

    @Test
    void aRedirectIsNotFollowedButRetriedAtTheSubscribedAddress() {
        String org = organisation();
        String path = "/hooks/moving";
        String id = subscribe(org, path, List.of("alert.raised")).getString("id");
        Receiver.script(path, new Receiver.Reply(307, 0));
        TopicProbe.produce(kafka, Topics.ALERTS, org, EventCodec.encode(raise(org)));

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(org, id));
        assertThat(Receiver.at("/hooks/redirected")).isEmpty();
        assertThat(Receiver.at(path)).hasSize(2);
        List<Map<String, Object>> tries = given().header("Authorization", ADMIN)
                .when().get(webhooks(org) + "/" + id + "/deliveries").then().extract().jsonPath().getList("deliveries[0].log");
        assertThat((String) tries.get(1).get("error")).isEqualTo("HTTP 307: redirects are not followed");
    }

    @Test
    void aReceiverThatKeepsFailingIsPausedWithTheReason() {
        String org = organisation();
        String path = "/hooks/broken";
        String id = subscribe(org, path, List.of("alert.raised")).getString("id");
        Receiver.script(path, new Receiver.Reply(503, 0), new Receiver.Reply(503, 0), new Receiver.Reply(503, 0),
                new Receiver.Reply(503, 0));
        TopicProbe.produce(kafka, Topics.ALERTS, org, EventCodec.encode(raise(org)));

        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", ADMIN)
                .when().get(webhooks(org) + "/" + id).then().extract().<Boolean>path("paused"));
        given().header("Authorization", ADMIN).when().get(webhooks(org) + "/" + id)
                .then().body("pausedReason", containsString("3 failed deliveries in a row"))
                .body("pausedReason", containsString("HTTP 503"));
        int calls = Receiver.at(path).size();
        assertThat(calls).isEqualTo(3);
        health.measure();
        assertThat(failureSeries(id)).as("the operators see it").containsExactly("paused=\"true\" 3.0");

        // resumed, the waiting delivery goes out at once; it fails once more, then is taken
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("paused", false))
                .when().patch(webhooks(org) + "/" + id).then().statusCode(200).body("consecutiveFailures", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            health.measure();
            return failureSeries(id).equals(List.of("paused=\"false\" 1.0"));
        });
        assertThat(Receiver.at(path)).hasSize(calls + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(org, id));
        health.measure();
        assertThat(failureSeries(id)).as("a subscription that delivers has no series").isEmpty();
    }

    /** The voc_webhook_subscription_failures series of the subscription, as {@code paused="…" value}. */
    private static List<String> failureSeries(String id) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("voc_webhook_subscription_failures{") && line.contains("webhook=\"" + id + "\""))
                .map(line -> line.replaceAll(".*(paused=\"\\w+\").*} ", "$1 "))
                .toList();
    }

    @Test
    void aReplacedSecretSignsBesideTheNewOneUntilItsTimeIsUp() throws Exception {
        String org = organisation();
        String path = "/hooks/rotated";
        JsonPath created = subscribe(org, path, List.of("alert.raised"));
        String id = created.getString("id");
        String old = created.getString("secret");
        JsonPath rotated = given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/secret")
                .then().statusCode(200).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        // 24 h by default
        assertThat(Duration.between(Instant.now(), Instant.parse(rotated.getString("previousSignsUntil"))))
                .isBetween(Duration.ofHours(23), Duration.ofHours(25));

        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> Receiver.at(path).size() == 1);
        Receiver.Received both = Receiver.at(path).get(0);
        assertThat(both.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verify(fresh, both)).as("a receiver that has the new secret").isTrue();
        assertThat(verify(old, both)).as("a receiver that still has the old one").isTrue();

        // once its time is up, the old secret signs no more
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("UPDATE dashboard.webhook SET previous_secret_until = now() "
                     + "- interval '1 second' WHERE webhook_id = ?::uuid")) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> Receiver.at(path).size() == 2);
        Receiver.Received one = Receiver.at(path).get(1);
        assertThat(one.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(verify(fresh, one)).isTrue();
        assertThat(verify(old, one)).isFalse();
    }

    @Test
    void aDeliveryGivenUpIsSentAgainOnRequestWithItsId() throws Exception {
        String org = organisation();
        String path = "/hooks/again";
        String id = subscribe(org, path, List.of("alert.raised")).getString("id");
        Receiver.script(path, new Receiver.Reply(500, 0));
        // queued while paused, and made 25 hours old: its first failure is its last
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("paused", true))
                .when().patch(webhooks(org) + "/" + id).then().statusCode(200);
        String delivery = given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/test")
                .then().statusCode(202).extract().path("deliveryId");
        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/deliveries/" + delivery + "/retry")
                .then().statusCode(409).body("detail", containsString("paused"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("UPDATE dashboard.webhook_delivery SET created_at = now() "
                     + "- interval '25 hours' WHERE delivery_id = ?::uuid")) {
            s.setString(1, delivery);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("paused", false))
                .when().patch(webhooks(org) + "/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(given().header("Authorization", ADMIN)
                .when().get(webhooks(org) + "/" + id + "/deliveries").then().extract().path("deliveries[0].state")));

        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/deliveries/" + delivery + "/retry")
                .then().statusCode(202).body("deliveryId", equalTo(delivery));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(org, id));
        List<Receiver.Received> attempts = Receiver.at(path);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct()).containsExactly(delivery);

        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/deliveries/" + delivery + "/retry")
                .then().statusCode(409).body("detail", containsString("delivered already"));
        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/deliveries/" + UUID.randomUUID()
                + "/retry").then().statusCode(404);
        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/deliveries/not-an-id/retry")
                .then().statusCode(404);
    }

    @Test
    void scoreChangesAreCoalescedToAtMostOneASecondWithTheLatest() {
        String org = organisation();
        String path = "/hooks/scores";
        subscribe(org, path, List.of("scores.changed"));
        for (long version = 1; version <= 30; version++) {
            TopicProbe.produce(kafka, Topics.SCORE_UPDATES, org,
                    EventCodec.encode(ScoreUpdate.of(org, Instrument.SERVICEPROOF, version, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Receiver.at(path).stream()
                .anyMatch(r -> JsonPath.from(r.body()).getLong("data.version") == 30));
        List<Receiver.Received> received = Receiver.at(path);
        assertThat(received.size()).as("30 notices in a burst, coalesced").isBetween(1, 5);
        assertThat(JsonPath.from(received.get(0).body()).getString("type")).isEqualTo("scores.changed");
    }

    @Test
    void aDeliveryToAnAddressOffTheAllowListIsRefusedWithoutAConnection() throws Exception {
        String org = organisation();
        String id = subscribe(org, "/hooks/moved", List.of("alert.raised")).getString("id");
        // as if the address had been changed behind the service's back: 127.0.0.2 is loopback, not on the list
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("UPDATE dashboard.webhook SET url = ? WHERE webhook_id = ?::uuid")) {
            s.setString(1, "http://127.0.0.2:9/hooks/moved");
            s.setString(2, id);
            s.executeUpdate();
        }
        given().header("Authorization", ADMIN).when().post(webhooks(org) + "/" + id + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !given().header("Authorization", ADMIN)
                .when().get(webhooks(org) + "/" + id + "/deliveries").then().extract().jsonPath()
                .getList("deliveries[0].log").isEmpty());
        given().header("Authorization", ADMIN).when().get(webhooks(org) + "/" + id + "/deliveries")
                .then().body("deliveries[0].type", equalTo("webhook.test"))
                .body("deliveries[0].log[0].error", containsString("refused"))
                .body("deliveries[0].log[0].error", containsString("loopback"))
                .body("deliveries[0].log[0].status", nullValue());
        assertThat(Receiver.at("/hooks/moved")).isEmpty();
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("voc_webhook_deliveries_total{outcome=\"refused\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("voc_webhook_delivery_seconds_bucket");
    }

    /** The Standard Webhooks check, written here without the service's code: HMAC-SHA256 over id.timestamp.body. */
    private static boolean verify(String secret, Receiver.Received received) throws Exception {
        String id = received.header("webhook-id");
        String timestamp = received.header("webhook-timestamp");
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : received.header("webhook-signature").split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    private boolean delivered(String org, String id) {
        List<String> states = given().header("Authorization", ADMIN).when().get(webhooks(org) + "/" + id + "/deliveries")
                .then().extract().jsonPath().getList("deliveries.state");
        return states.contains("delivered");
    }

    private String organisation() {
        String org = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO survey.organisation_view (id, active, name, sector) VALUES (?, true, ?, 'OTHER')")) {
            s.setString(1, org);
            s.setString(2, "Org " + org);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return org;
    }

    private static JsonPath subscribe(String org, String path, List<String> events) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", Receiver.base() + path, "events", events, "description", "test " + path))
                .when().post(webhooks(org))
                .then().statusCode(201).body("id", notNullValue()).extract().jsonPath();
    }

    private static void refused(String org, Map<String, Object> body, int status, String reason) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post(webhooks(org))
                .then().statusCode(status).body("detail", containsString(reason));
    }

    private static String webhooks(String org) {
        return "/api/v1/organisations/" + org + "/webhooks";
    }

    private static AlertRaised raise(String org) {
        Instant now = Instant.now();
        ResponseSubmitted response = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICE_RECOVERY)
                .answeredAt(now)
                .receivedAt(now)
                .channel(Channel.PHONE)
                .relationship(RelationshipOutcome.BROKEN)
                .comment("it broke")
                .build();
        return AlertRaised.of(AlertKind.RELATIONSHIP_BROKEN, response, now);
    }
}
