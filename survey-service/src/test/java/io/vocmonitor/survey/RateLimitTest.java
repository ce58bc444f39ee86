package io.vocmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each key has a request budget; the admin token has none. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class RateLimitTest {

    /** Three requests at once, then one every ten seconds. */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voc.rate-limit.burst", "3", "voc.rate-limit.per-second", "0.1");
        }
    }

    private static final String ONE = "{\"instrument\": \"SERVICEPROOF\", \"answers\": {\"VALUE\": 4}}";

    @Test
    void aKeyOverItsRateIsToldWhenToComeBack() {
        Organisations.Registered org = Organisations.register("rate");
        Organisations.Registered other = Organisations.register("rate-other");
        List<Integer> statuses = new ArrayList<>();
        statuses.add(post(org.ingestKey(), org.id(), "/responses", ONE));
        statuses.add(post(org.ingestKey(), org.id(), "/responses/batch", "[" + ONE + "," + ONE + "," + ONE + "]"));
        statuses.add(post(org.ingestKey(), org.id(), "/responses", ONE));
        assertThat(statuses).containsExactly(202, 200, 202);

        String retryAfter = given().header("X-Api-Key", org.ingestKey()).contentType(ContentType.JSON).body(ONE)
                .when().post("/api/v1/organisations/{org}/responses", org.id())
                .then().statusCode(429).contentType("application/problem+json")
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10);

        // other keys and the admin are not held back
        assertThat(post(other.ingestKey(), other.id(), "/responses", ONE)).isEqualTo(202);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", Organisations.ADMIN).contentType(ContentType.JSON).body(ONE)
                    .when().post("/api/v1/organisations/{org}/responses", org.id()).then().statusCode(202);
        }
        assertThat(ResponseResourceTest.metric("voc_responses_rejected_total{reason=\"rate_limited\"}")).isEqualTo(1.0);
    }

    private static int post(String key, String org, String path, String body) {
        return given().header("X-Api-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations/" + org + path).then().extract().statusCode();
    }
}
