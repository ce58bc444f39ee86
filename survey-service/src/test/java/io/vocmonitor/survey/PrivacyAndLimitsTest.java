package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.quarkus.test.common.http.TestHTTPResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class PrivacyAndLimitsTest {

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    @Test
    void respondentRefsLeaveThePlatformAsStablePseudonymsUnlessTheOrganisationOptsOut() throws Exception {
        Organisations.Registered first = Organisations.register("pseudo");
        Organisations.Registered second = Organisations.register("pseudo");
        Organisations.Registered plain = Organisations.register("plain");
        given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("pseudonymiseRespondentRefs", false))
                .when().patch("/api/v1/organisations/{org}", plain.id()).then().statusCode(200);

        try (TopicProbe probe = new TopicProbe(kafka, Topics.RESPONSES)) {
            for (Organisations.Registered org : List.of(first, first, second, plain)) {
                given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                        .body("{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"respondentRef\": \"c-88213\"}")
                        .when().post("/api/v1/organisations/{org}/responses", org.id()).then().statusCode(202);
            }
            given().header("X-Api-Key", first.ingestKey()).contentType(ContentType.JSON)
                    .body("[{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"respondentRef\": \"c-88213\"}]")
                    .when().post("/api/v1/organisations/{org}/responses/batch", first.id()).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.poll(5, Duration.ofSeconds(10));
            assertThat(records).hasSize(5);
            Map<String, List<String>> refs = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> decode(r.value()).respondentRef(), Collectors.toList())));
            assertThat(refs.get(first.id())).hasSize(3).allMatch(ref -> ref.startsWith("psn_"))
                    .containsOnly(refs.get(first.id()).get(0));
            assertThat(refs.get(second.id())).singleElement().asString().startsWith("psn_")
                    .isNotEqualTo(refs.get(first.id()).get(0));
            assertThat(refs.get(plain.id())).containsExactly("c-88213");
            assertThat(records.stream().filter(r -> !r.key().equals(plain.id())).map(ConsumerRecord::value))
                    .noneMatch(value -> value.contains("c-88213"));
        }
    }

    @Test
    void bodiesOverTheirLimitAreRefusedBeforeTheyAreRead() throws Exception {
        Organisations.Registered org = Organisations.register("limits");
        // announces 2 MiB of JSON and sends none of it: the answer must come without the body
        String answer = raw("POST /api/v1/organisations/" + org.id() + "/responses HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Api-Key: " + org.ingestKey() + "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("at most 1048576");

        String csvAnswer = raw("POST /api/v1/organisations/" + org.id() + "/responses/import HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Api-Key: " + org.ingestKey() + "\r\nContent-Type: text/csv\r\nContent-Length: 10485761\r\n\r\n");
        assertThat(csvAnswer).startsWith("HTTP/1.1 413");

        // a batch just over 1 MiB, really sent
        String item = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": \"" + "x".repeat(3000) + "\"}";
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 360; i++) {
            batch.append(i == 0 ? "" : ",").append(item);
        }
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(batch.append("]").toString())
                .when().post("/api/v1/organisations/{org}/responses/batch", org.id())
                .then().statusCode(413).contentType("application/problem+json");

        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void malformedBodiesAreClearClientErrors() {
        Organisations.Registered org = Organisations.register("malformed");
        byte[] invalidUtf8 = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(invalidUtf8)
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(400).body("detail", containsString("UTF-8"));
        for (String body : List.of(
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"touchpoint\": \"bill\\u0000ing\"}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": \"nul \\u0000 inside\"}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"respondentRef\": \"a\\u001bb\"}",
                "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}, \"comment\": \"" + "é".repeat(4001) + "\"}")) {
            given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/organisations/{org}/responses", org.id())
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Sends a raw request head and reads the answer head, without sending any body. */
    private String raw(String head) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        }
    }

    private static ResponseSubmitted decode(String json) {
        try {
            return (ResponseSubmitted) EventCodec.decodeResponseEvent(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
