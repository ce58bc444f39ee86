package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to take them, responses are refused quickly with 503 and readiness is DOWN. */
@QuarkusTest
@TestProfile(BrokerUnavailableTest.NoBroker.class)
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class BrokerUnavailableTest {

    /** Points the producer at a port where nothing listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Test
    void aResponseIsRefusedWith503WithinFiveSeconds() {
        Organisations.Registered org = Organisations.register("outage");
        double before = ResponseResourceTest.metric("voc_responses_rejected_total{reason=\"broker_unavailable\"}");

        long started = System.nanoTime();
        given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON)
                .body("{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}")
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(seconds).isLessThan(5.5);
        assertThat(ResponseResourceTest.metric("voc_responses_rejected_total{reason=\"broker_unavailable\"}"))
                .isEqualTo(before + 1);
    }

    @Test
    void readinessIsDownWithoutABroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"));
    }
}
